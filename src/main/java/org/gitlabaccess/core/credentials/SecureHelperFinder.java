package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;

/**
 * Which credential helpers this machine can use, best first: Git Credential Manager, the platform's
 * keychain helper, libsecret when a Secret Service (GNOME Keyring, KWallet) answers on the session
 * bus, and finally git's in-memory {@code cache}, which works everywhere (headless machines have no
 * keyring).
 */
public final class SecureHelperFinder {
    /** Where distributions put the libsecret helper when it is not in git's exec path. */
    private static final List<Path> LIBSECRET_PLACES = List.of(
            Path.of("/usr/lib/git-core/git-credential-libsecret"),
            Path.of("/usr/libexec/git-core/git-credential-libsecret"),
            Path.of("/usr/share/doc/git/contrib/credential/libsecret/git-credential-libsecret"));

    private final GitCommand git;
    private final Environment env;
    private final BooleanSupplier secretService;
    private Optional<Path> execPath;

    public SecureHelperFinder(GitCommand git) {
        this(git, () -> secretServiceAnswers(git.environment()));
    }

    /** @param secretService whether a Secret Service answers on the session bus (tests decide) */
    public SecureHelperFinder(GitCommand git, BooleanSupplier secretService) {
        this.git = git;
        this.env = git.environment();
        this.secretService = secretService;
    }

    /** Every candidate, best first; the last is always the available {@code cache}. */
    public List<HelperOption> options() {
        List<HelperOption> out = new ArrayList<>();
        Optional<Path> gcm = helperProgram("manager").or(() -> helperProgram("manager-core"));
        if (env.isWindows()) {
            gcm.ifPresent(p -> out.add(option("manager", p, true, "Git Credential Manager (Windows Credential Manager)")));
            helperProgram("wincred").ifPresent(p -> out.add(option("wincred", p, true, "Windows Credential Manager")));
        } else if (env.isMac()) {
            helperProgram("osxkeychain").ifPresent(p -> out.add(option("osxkeychain", p, true, "the macOS Keychain")));
            gcm.ifPresent(p -> out.add(option("manager", p, true, "Git Credential Manager (the macOS Keychain)")));
        } else {
            boolean bus = secretService.getAsBoolean();
            String busWhy = bus ? "" : " (no Secret Service answers on the session bus)";
            Optional<Path> libsecret = helperProgram("libsecret").or(() -> LIBSECRET_PLACES.stream()
                    .filter(Files::isExecutable).findFirst());
            libsecret.ifPresent(p -> out.add(new HelperOption(new HelperSpec.Secure("libsecret",
                    onGitPath(p, "libsecret") ? "libsecret" : HelperClassifier.shellQuote(p.toString())), bus,
                    "the desktop keyring through libsecret" + busWhy)));
            // GCM on Linux needs a configured store; with the Secret Service it is as good as libsecret.
            boolean gcmStore = env.variable("GCM_CREDENTIAL_STORE").isPresent();
            gcm.ifPresent(p -> out.add(option("manager", p, bus || gcmStore,
                    "Git Credential Manager" + (bus || gcmStore ? "" : busWhy))));
        }
        out.add(new HelperOption(new HelperSpec.Cache(null, null), true,
                "git's in-memory cache: the token is kept for 15 minutes, then asked for again"));
        return out;
    }

    /** The best helper available here. */
    public HelperOption best() {
        return options().stream().filter(HelperOption::available).findFirst().orElseThrow();
    }

    private HelperOption option(String name, Path program, boolean available, String why) {
        return new HelperOption(HelperSpec.Secure.named(name), available, why);
    }

    private boolean onGitPath(Path p, String name) {
        return execPath().map(d -> d.resolve("git-credential-" + name).equals(p)).orElse(false)
                || ExecutablePath.of(env, "git-credential-" + name).map(p::equals).orElse(false);
    }

    /** {@code git-credential-NAME} in git's exec path or on the PATH, as git would find it. */
    Optional<Path> helperProgram(String name) {
        String file = "git-credential-" + name;
        Optional<Path> inExecPath = execPath().flatMap(dir -> {
            for (String candidate : env.isWindows() ? List.of(file + ".exe", file) : List.of(file)) {
                Path p = dir.resolve(candidate);
                if (Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        });
        return inExecPath.or(() -> ExecutablePath.of(env, file));
    }

    private synchronized Optional<Path> execPath() {
        if (execPath == null) {
            GitCommand.Result r = git.run(null, List.of("--exec-path"));
            execPath = r.ok() && !r.stdout().isBlank() ? Optional.of(Path.of(r.stdout().strip())) : Optional.empty();
        }
        return execPath;
    }

    /**
     * Whether {@code org.freedesktop.secrets} is owned or activatable on the session bus. Without
     * a session bus (SSH sessions, containers) libsecret would fail on first use.
     */
    public static boolean secretServiceAnswers(Environment env) {
        if (env.variable("DBUS_SESSION_BUS_ADDRESS").isEmpty()) {
            return false;
        }
        for (List<String> command : List.of(List.of("busctl", "--user", "--no-pager", "--no-legend", "list"),
                List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus", "org.freedesktop.DBus.ListActivatableNames"),
                List.of("dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
                        "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames"))) {
            if (ExecutablePath.of(env, command.get(0)).isEmpty()) {
                continue;
            }
            try {
                ProcessBuilder pb = ChildProcesses.builder(env, command).redirectErrorStream(true);
                Process p = pb.start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    continue;
                }
                if (new String(out, StandardCharsets.UTF_8).contains("org.freedesktop.secrets")) {
                    return true;
                }
            } catch (IOException e) {
                // Try the next tool.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
