package org.gitlabaccess.core.io;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Points JGit at the same home as the rest of the product: its file system's user home (for
 * {@code ~/.gitconfig} and {@code ~/.ssh}) and the environment it reads ({@code HOME},
 * {@code XDG_CONFIG_HOME}). JGit keeps these process-wide, so this is applied once at start-up
 * (and by tests for their sandbox).
 */
public final class JGitHome {
    /** The reader JGit started with; every sandbox wraps this one, never another wrapper. */
    private static final SystemReader ORIGINAL = SystemReader.getInstance();
    /** Asked once per search path and override: every scan applies the home again. */
    private static final Map<String, File> SYSTEM_CONFIGS = new ConcurrentHashMap<>();

    private JGitHome() {
    }

    public static void apply(Environment env) {
        Path home = UserHome.resolve(env);
        File homeDir = home.toFile();
        FS.DETECTED.setUserHome(homeDir);
        // Otherwise JGit asks git for it with this process's whole environment, tokens included.
        // Where the answer is known without git (GitSystemConfigPath), no child is started: the scan needs none.
        // git reads the global files before it answers: with a FIFO there it would never answer, so it is not asked.
        FS.DETECTED.setGitSystemConfig(GitGlobalFiles.refused(env).isPresent() ? new File("/etc/gitconfig")
                : SYSTEM_CONFIGS.computeIfAbsent(env.variable("PATH").orElse("") + "\0"
                + env.variable("GIT_CONFIG_SYSTEM").orElse("") + "\0" + env.variable("GIT_CONFIG_NOSYSTEM").orElse(""),
                key -> GitSystemConfigPath.known(env).orElseGet(() -> systemConfig(env))));
        SystemReader.setInstance(new Reader(ORIGINAL, env, homeDir));
    }

    /** Where git keeps its system configuration, asked of git (as JGit would) with a child's environment. */
    static File systemConfig(Environment env) {
        String listed = ask(env, List.of("git", "config", "--system", "--show-origin", "--list", "-z"));
        if (listed.startsWith("file:") && listed.indexOf('\0') > 5) {
            return new File(listed.substring(5, listed.indexOf('\0')));
        }
        // Nothing configured yet: git names the file it would edit.
        String edited = ask(env, List.of("git", "config", "--system", "--edit")).strip();
        return new File(edited.isEmpty() ? "/etc/gitconfig" : edited);
    }

    private static String ask(Environment env, List<String> command) {
        Path out = null;
        Process p = null;
        try {
            // Output to a file, so the timeout holds even when git never answers (it is then killed).
            out = Files.createTempFile("gitlab-access-git", ".out");
            p = ChildProcesses.withoutInput(env, command, Map.of("GIT_EDITOR", "echo"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "";
            }
            return p.exitValue() == 0 ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (p != null) {
                p.destroyForcibly();
            }
            return "";
        } finally {
            if (out != null) {
                try {
                    Files.deleteIfExists(out);
                } catch (IOException e) {
                    // A temporary file of git's answer (a path, no secret) left behind.
                }
            }
        }
    }

    /** A system reader that answers from the product's environment. */
    private static final class Reader extends SystemReader.Delegate {
        private final Environment env;
        private final File home;

        Reader(SystemReader delegate, Environment env, File home) {
            super(delegate);
            this.env = env;
            this.home = home;
        }

        @Override
        public String getenv(String variable) {
            if ("HOME".equals(variable)) {
                return home.getPath();
            }
            return env.variable(variable).orElse(null);
        }

        @Override
        public String getProperty(String key) {
            if ("user.home".equals(key)) {
                return home.getPath();
            }
            return super.getProperty(key);
        }

        @Override
        public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, new File(home, ".gitconfig"), fs);
        }
    }
}
