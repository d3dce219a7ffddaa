package org.gitlabaccess.core.credentials;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;
import org.gitlabaccess.core.io.GitGlobalFiles;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.UserHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the real {@code git} with the allowed part of the product's environment ({@link ChildProcesses}:
 * its HOME, so a sandbox in tests; never a token), never interactively: no terminal prompt, and an
 * askpass that fails, so a missing credential is an answer rather than a hanging process. Secrets
 * travel on stdin or through a {@code SecretPipe}, never in arguments or the environment; configuration
 * for one command goes through the environment ({@link EnvironmentConfig}), never {@code -c}.
 */
public final class GitCommand {
    static final long TIMEOUT_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(GitCommand.class);
    /** Variables that would point git at another repository or configuration than the user's. */
    private static final List<String> DROPPED = List.of("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX");

    /** What git did. Standard output is never logged (it may be a credential); standard error is, redacted. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Environment env;
    private final String executable;
    private GitVersion version;

    /**
     * The {@code git} on the environment's PATH (the JDK would search this process's own PATH instead,
     * relative entries included); for an environment made without a PATH, this process's. When no
     * absolute directory holds one, every command fails as with git missing.
     */
    public GitCommand(Environment env) {
        this(env, ExecutablePath.onPathOf(env, "git").map(Path::toString).orElse("git"));
    }

    /** @param executable a full path; {@code git} alone fails as git missing does */
    public GitCommand(Environment env, String executable) {
        this.env = env;
        this.executable = executable;
    }

    public Environment environment() {
        return env;
    }

    public Path home() {
        return UserHome.resolve(env);
    }

    /** The installed version; a {@link ProblemException} when git is missing or older than 2.30. */
    public synchronized GitVersion requireUsable() {
        if (version != null) {
            return version;
        }
        Result r;
        try {
            r = exec(null, List.of("--version"), null, false);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "git-missing", Text.of("error.git-missing"),
                    installHint());
        }
        GitVersion v;
        try {
            v = GitVersion.parse(r.stdout());
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "git-missing",
                    Text.of("error.git-missing.not-git", executable), installHint());
        }
        if (!v.isAtLeast(GitVersion.MINIMUM)) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "git-too-old", Text.of("error.git-too-old",
                    v.toString(), GitVersion.MINIMUM.major(), GitVersion.MINIMUM.minor()), installHint());
        }
        version = v;
        return v;
    }

    private Text installHint() {
        if (env.isWindows()) {
            return Text.of("error.git-install.hint.windows");
        }
        if (env.isMac()) {
            return Text.of("error.git-install.hint.mac");
        }
        return Text.of("error.git-install.hint");
    }

    /**
     * git reads {@code ~/.gitconfig} and {@code $XDG_CONFIG_HOME/git/config} at every start, even for
     * {@code --version}: a FIFO there holds every git for good, a device feeds it without end. Such a
     * file is named instead of starting git.
     */
    public static void requireReadableGlobalConfig(Environment env) {
        GitGlobalFiles.refused(env).ifPresent(refused -> {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "git-config-refused",
                    Text.of("error.git-config-refused", refused.describe()), Text.of("error.git-config-refused.hint"));
        });
    }

    /** Runs {@code git args...} in the directory (the home when null); no stdin. */
    public Result run(Path dir, List<String> args) {
        return run(dir, args, null);
    }

    /** Runs git with text on stdin; nothing the text holds is logged. */
    public Result run(Path dir, List<String> args, String stdin) {
        requireUsable();
        try {
            return exec(dir, args, stdin, false);
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    /**
     * Runs a long git command (a clone) that may take up to {@code timeout}, with configuration given
     * through the environment only; an interrupt stops it and its children.
     */
    public Result runLong(Path dir, List<String> args, Duration timeout, List<Map.Entry<String, String>> config) {
        GitVersion v = requireUsable();
        try {
            return exec(dir, args, null, false, EnvironmentConfig.of(config, v), timeout.toSeconds());
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    private static ProblemException cannotRun(IOException e) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "git-failed", Text.of("error.git-failed", e.getMessage()),
                Text.of("error.git-failed.hint"), e);
    }

    /**
     * Runs {@code git args...} with configuration given through the environment only
     * ({@code GIT_CONFIG_COUNT}, never {@code -c}, which every local user could read in the arguments).
     */
    Result runWithConfig(Path dir, List<String> args, List<Map.Entry<String, String>> config) {
        GitVersion v = requireUsable();
        try {
            return exec(dir, args, null, false, EnvironmentConfig.of(config, v), TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    /** Like {@link #run(Path, List, String)}, for commands whose output is a secret: never logged. */
    Result runSecretOutput(Path dir, List<String> args, String stdin) {
        requireUsable();
        try {
            return exec(dir, args, stdin, true);
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    /** The environment git runs with: the allowed part of the product's, with prompts switched off. */
    Map<String, String> childEnvironment() {
        Map<String, String> vars = new HashMap<>(ChildProcesses.environment(env));
        DROPPED.forEach(vars::remove);
        vars.put("GIT_TERMINAL_PROMPT", "0");
        // A failing askpass: git then reports "could not read Username" instead of waiting for input.
        vars.put("GIT_ASKPASS", "false");
        vars.put("SSH_ASKPASS", "false");
        // Git Credential Manager's own switch: never open a dialog from here.
        vars.put("GCM_INTERACTIVE", "never");
        // Messages in English: outcomes are told apart by git's and GitLab's texts.
        vars.put("LC_ALL", "C");
        vars.put("LANGUAGE", "C");
        return vars;
    }

    private Result exec(Path dir, List<String> args, String stdin, boolean secretOutput) throws IOException {
        return exec(dir, args, stdin, secretOutput, Map.of(), TIMEOUT_SECONDS);
    }

    private Result exec(Path dir, List<String> args, String stdin, boolean secretOutput, Map<String, String> extra,
                        long timeoutSeconds) throws IOException {
        requireReadableGlobalConfig(env);
        if (!Path.of(executable).isAbsolute()) {
            throw new IOException("git was not found in an absolute directory of PATH");
        }
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Path workDir = dir != null ? dir : home();
        if (Files.isDirectory(workDir)) {
            pb.directory(workDir.toFile());
        }
        pb.environment().clear();
        pb.environment().putAll(childEnvironment());
        pb.environment().putAll(extra);
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File(env.isWindows() ? "NUL" : "/dev/null")));
        }
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (stdin != null) {
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // git may exit before reading everything (an unknown action, say); its exit code tells.
            }
        }
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                // Its helpers too (git-remote-https waiting on a FIFO ~/.netrc, say): none may outlive the run.
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            String stdout = out.get(10, TimeUnit.SECONDS);
            String stderr = err.get(10, TimeUnit.SECONDS);
            int code = p.exitValue();
            LOG.debug("git {} exited {}{}", Redactor.redact(String.join(" ", args)), code,
                    stderr.isBlank() || secretOutput ? "" : ": " + Redactor.redact(stderr.strip()));
            return new Result(code, stdout, stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("git output could not be read", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
