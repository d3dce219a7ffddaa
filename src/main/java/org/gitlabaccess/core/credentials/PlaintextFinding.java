package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A secret for the GitLab host found in a plain-text file, described without the secret.
 *
 * @param line the 1-based line where the entry starts
 * @param username the user name stored with it, when there is one
 */
public record PlaintextFinding(Source source, Path file, int line, String host, Optional<String> username) {

    /** Which kind of file. */
    public enum Source {
        /** {@code ~/.git-credentials} or {@code $XDG_CONFIG_HOME/git/credentials}, written by {@code credential.helper=store}. */
        GIT_CREDENTIALS,
        /** {@code ~/.netrc} or {@code ~/_netrc}, read by curl and so by git over HTTPS. */
        NETRC
    }

    /** {@code plaintext secret for gitlab.example.com (user alice) in ~/.git-credentials (line 3)}. */
    public String describe(Path home) {
        String shown = file.startsWith(home) ? "~/" + home.relativize(file).toString().replace('\\', '/')
                : file.toString();
        return "plaintext secret for " + host + username.map(u -> " (user " + u + ")").orElse("") + " in " + shown
                + " (line " + line + ")";
    }
}
