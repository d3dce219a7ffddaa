package org.gitlabaccess.core.io;

import java.io.File;
import java.nio.file.Path;
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

    private JGitHome() {
    }

    public static void apply(Environment env) {
        Path home = UserHome.resolve(env);
        File homeDir = home.toFile();
        FS.DETECTED.setUserHome(homeDir);
        SystemReader.setInstance(new Reader(ORIGINAL, env, homeDir));
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
