package org.gitlabaccess.core.io;

import java.nio.file.Path;

/**
 * The product's own places, per the files contract: state (journal, log) and per-user configuration.
 */
public final class AppDirectories {
    static final String UNIX_NAME = "gitlab-access";
    static final String DESKTOP_NAME = "GitLabAccess";

    private final Path home;
    private final Environment env;

    public AppDirectories(Path home, Environment env) {
        this.home = home;
        this.env = env;
    }

    public static AppDirectories of(Environment env) {
        return new AppDirectories(UserHome.resolve(env), env);
    }

    public Path home() {
        return home;
    }

    /** {@code $XDG_STATE_HOME/gitlab-access}, {@code %LOCALAPPDATA%\GitLabAccess}, or macOS Application Support. */
    public Path stateDir() {
        if (env.isWindows()) {
            return env.variable("LOCALAPPDATA").map(Path::of)
                    .orElse(home.resolve("AppData").resolve("Local")).resolve(DESKTOP_NAME);
        }
        if (env.isMac()) {
            return home.resolve("Library").resolve("Application Support").resolve(DESKTOP_NAME);
        }
        return env.variable("XDG_STATE_HOME").map(Path::of).filter(Path::isAbsolute)
                .orElse(home.resolve(".local").resolve("state")).resolve(UNIX_NAME);
    }

    /** {@code $XDG_CONFIG_HOME/gitlab-access}, {@code %APPDATA%\GitLabAccess}, or macOS Application Support. */
    public Path configDir() {
        if (env.isWindows()) {
            return env.variable("APPDATA").map(Path::of)
                    .orElse(home.resolve("AppData").resolve("Roaming")).resolve(DESKTOP_NAME);
        }
        if (env.isMac()) {
            return home.resolve("Library").resolve("Application Support").resolve(DESKTOP_NAME);
        }
        return xdgConfigHome().resolve(UNIX_NAME);
    }

    /** {@code $XDG_CONFIG_HOME} or {@code ~/.config}: git reads {@code git/config} and {@code git/credentials} there too. */
    public Path xdgConfigHome() {
        return env.variable("XDG_CONFIG_HOME").map(Path::of).filter(Path::isAbsolute)
                .orElse(home.resolve(".config"));
    }

    public Path logDir() {
        return stateDir().resolve("logs");
    }
}
