package org.gitlabaccess.core.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.UserHome;

/**
 * The ssh command git should run when the product works on a home that is not the account's own
 * (a helpdesk run for another home, a sandbox): {@code ssh} reads {@code ~/.ssh/config} and
 * {@code ~/.ssh/known_hosts} from the password database's home, so both are named. In the usual
 * case git's own {@code ssh} is right and nothing is set.
 */
public final class GitSshCommand {
    private GitSshCommand() {
    }

    /** A value for git's {@code core.sshCommand}, or empty when ssh finds the files by itself. */
    public static Optional<String> forHome(Environment env) {
        Path home = UserHome.resolve(env).toAbsolutePath().normalize();
        Optional<Path> account = env.property("user.home").map(p -> Path.of(p).toAbsolutePath().normalize());
        if (account.isEmpty() || account.get().equals(home)) {
            return Optional.empty();
        }
        Path ssh = home.resolve(".ssh");
        Path config = ssh.resolve("config");
        // ssh stops at a -F file that is not there; "none" reads no file, as the home has none.
        return Optional.of("ssh -F " + (Files.isRegularFile(config) ? quoted(config) : "none") + " -o "
                + quoted("UserKnownHostsFile=" + ssh.resolve("known_hosts")));
    }

    /** Single-quoted for the shell git runs the command with. */
    private static String quoted(Object text) {
        return "'" + text.toString().replace("'", "'\\''") + "'";
    }
}
