package org.gitlabaccess.core.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * The build server's files, below a root directory: {@code /} in production, a temporary directory
 * in tests that simulate a runner host. Paths in config files (a home in /etc/passwd) are taken
 * below the same root.
 */
public record RunnerHost(Path root) {
    /** The account the runner's packages create; shell jobs run as it. */
    public static final String RUNNER_USER = "gitlab-runner";
    /** The account the runner service runs as by default, whose docker logins the docker executor uses. */
    public static final String SERVICE_USER = "root";

    public static RunnerHost system() {
        return new RunnerHost(Path.of("/"));
    }

    public Path configFile() {
        return inside("/etc/gitlab-runner/config.toml");
    }

    /** The user's home as /etc/passwd names it; else root's {@code /root} and others' {@code /home/NAME}. */
    public Path home(String user) {
        return inside(passwdHome(user).orElse(SERVICE_USER.equals(user) ? "/root" : "/home/" + user));
    }

    public Path dockerConfig(String user) {
        return home(user).resolve(".docker").resolve("config.json");
    }

    /** An absolute path of the host, below the root. */
    Path inside(String absolute) {
        return root.resolve(absolute.replaceFirst("^/+", ""));
    }

    private Optional<String> passwdHome(String user) {
        String passwd;
        try {
            passwd = BoundedFiles.readIfPresent(inside("/etc/passwd"), BoundedFiles.CONFIG_LIMIT)
                    .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        } catch (IOException e) {
            return Optional.empty(); // unreadable or refused: the usual home is the best guess
        }
        for (String line : passwd.split("\n")) {
            String[] fields = line.split(":", -1);
            if (fields.length >= 7 && fields[0].equals(user) && fields[5].startsWith("/")) {
                return Optional.of(fields[5]);
            }
        }
        return Optional.empty();
    }
}
