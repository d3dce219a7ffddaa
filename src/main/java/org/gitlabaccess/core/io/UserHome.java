package org.gitlabaccess.core.io;

import java.nio.file.Path;

/**
 * Where the user's files live. Follows git and OpenSSH: {@code $HOME} when set, else the JVM's
 * {@code user.home}; on Windows {@code %USERPROFILE%} (then {@code HOME}, as Git for Windows does).
 */
public final class UserHome {
    private UserHome() {
    }

    public static Path resolve(Environment env) {
        if (env.isWindows()) {
            var profile = env.variable("USERPROFILE").or(() -> env.variable("HOME"));
            if (profile.isPresent()) {
                return Path.of(profile.get()).toAbsolutePath().normalize();
            }
        } else {
            var home = env.variable("HOME");
            if (home.isPresent()) {
                return Path.of(home.get()).toAbsolutePath().normalize();
            }
        }
        return Path.of(env.property("user.home")
                .orElseThrow(() -> new IllegalStateException("No home directory: set HOME")))
                .toAbsolutePath().normalize();
    }
}
