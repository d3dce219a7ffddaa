package org.gitlabaccess.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where git keeps its system configuration, when that is known without running git: asking git
 * (as JGit does) starts a child process on every scan, which costs start-up time and hands git the
 * environment. Known means what git itself would answer:
 * <ul>
 *   <li>{@code GIT_CONFIG_SYSTEM} names the file (git 2.32+ reads exactly that file);</li>
 *   <li>{@code GIT_CONFIG_NOSYSTEM} is set: no system file is read at all (JGit skips it itself), so
 *       any answer does;</li>
 *   <li>on Linux, the {@code git} found on {@code PATH} is the distribution's {@code /usr/bin/git}
 *       (or {@code /bin/git}, the same file where {@code /bin} links to {@code /usr/bin}): git's build
 *       makes {@code /etc/gitconfig} the system file exactly when its prefix is {@code /usr}, as every
 *       distribution builds it.</li>
 * </ul>
 * Any other git (a build under {@code /usr/local}, Homebrew, Git for Windows) may have been built with
 * another {@code sysconfdir} that only git can tell: empty, and the caller asks git.
 */
public final class GitSystemConfigPath {
    private static final File DISTRIBUTION_FILE = new File("/etc/gitconfig");

    private GitSystemConfigPath() {
    }

    static Optional<File> known(Environment env) {
        Optional<String> system = env.variable("GIT_CONFIG_SYSTEM").filter(s -> !s.isEmpty());
        if (system.isPresent()) {
            return Optional.of(new File(system.get()));
        }
        if (env.variable("GIT_CONFIG_NOSYSTEM").filter(s -> !s.isEmpty()).isPresent()) {
            return Optional.of(DISTRIBUTION_FILE);
        }
        if (env.isWindows() || env.isMac()) {
            return Optional.empty();
        }
        return ExecutablePath.of(env, "git").filter(GitSystemConfigPath::distributionGit)
                .map(git -> DISTRIBUTION_FILE);
    }

    /**
     * Where the system file is taken to be by readers that must not start git (the scan): what is
     * {@link #known}, else {@link #buildDefault}, else {@code /etc/gitconfig} (not on Windows); empty when
     * {@code GIT_CONFIG_NOSYSTEM} says none is read.
     */
    public static Optional<Path> withoutStartingGit(Environment env) {
        if (env.variable("GIT_CONFIG_NOSYSTEM").filter(s -> !s.isEmpty()).isPresent()) {
            return Optional.empty();
        }
        Optional<File> found = known(env).or(() -> buildDefault(env));
        if (env.isWindows()) {
            // \etc\gitconfig there is any local user's to create, and git never reads it.
            return found.map(File::toPath);
        }
        return Optional.of(found.orElse(DISTRIBUTION_FILE).toPath());
    }

    /**
     * Where git's own build puts the system file for the git first on the search path, when that git
     * is installed as {@code <prefix>/bin/git}: {@code <prefix>/etc/gitconfig}, or {@code /etc/gitconfig}
     * for the prefix {@code /usr} (git's Makefile default, what {@code make prefix=... install} gives).
     * A build with its own {@code sysconfdir} keeps it
     * elsewhere, which only that git can tell: a guess for readers that must not start it.
     */
    static Optional<File> buildDefault(Environment env) {
        if (env.isWindows()) {
            return gitForWindows(env.variable("PATH").orElse(env.variable("Path").orElse("")));
        }
        return ExecutablePath.of(env, "git").map(Path::getParent)
                .filter(bin -> bin.getFileName() != null && bin.getFileName().toString().equals("bin"))
                .map(Path::getParent).filter(prefix -> prefix != null && prefix.getParent() != null)
                .map(prefix -> prefix.equals(Path.of("/usr")) ? DISTRIBUTION_FILE
                        : prefix.resolve("etc/gitconfig").toFile());
    }

    /**
     * Git for Windows keeps its system file in {@code etc\gitconfig} of its installation, two levels
     * above {@code mingw64\bin\git.exe} or one above {@code cmd\git.exe} (what the installer puts on
     * the search path).
     */
    static Optional<File> gitForWindows(String searchPath) {
        for (String dir : searchPath.split(";")) {
            if (dir.isBlank()) {
                continue;
            }
            Path bin = Path.of(dir.strip());
            if (!Files.isRegularFile(bin.resolve("git.exe"))) {
                continue;
            }
            for (Path up = bin.getParent(); up != null && bin.getNameCount() - up.getNameCount() <= 2;
                 up = up.getParent()) {
                Path file = up.resolve("etc").resolve("gitconfig");
                if (Files.isRegularFile(file)) {
                    return Optional.of(file.toFile());
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The distribution's git, reached directly or through links (a /bin that links to /usr/bin). */
    static boolean distributionGit(Path git) {
        try {
            Path real = git.toRealPath();
            return real.equals(Path.of("/usr/bin/git")) || real.equals(Path.of("/bin/git"));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
