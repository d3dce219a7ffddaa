package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A docker login for the GitLab host or its registry, and what it is worth. Never holds the secret.
 *
 * @param registry the key as written in {@code auths} (or {@code credHelpers})
 * @param token GitLab's verdict on the stored secret, when it could be read
 * @param summary one sentence for a report
 * @param fixCommand the command that replaces the login with a good token, when one is needed
 */
public record DockerFinding(Path configFile, String registry, Optional<String> username, Status status,
                            Optional<TokenStatus> token, String summary, Optional<String> fixCommand) {

    /** What the stored login is worth. */
    public enum Status {
        /** A live token that can pull ({@code read_registry} or {@code api}). */
        VALID,
        /** A live token without {@code read_registry}: docker pulls fail with "access forbidden". */
        MISSING_REGISTRY_SCOPE,
        EXPIRED,
        REVOKED,
        /** GitLab does not know the secret: a password (refused once 2FA is on), a deleted token, a typo. */
        REFUSED,
        /** Kept by {@code credsStore} or {@code credHelpers}: cannot be read, so cannot be checked. */
        HIDDEN,
        /** An OAuth identity token from the registry: not a GitLab token, cannot be checked. */
        IDENTITY_TOKEN,
        /** The {@code auth} value is not base64 of {@code user:secret}. */
        MALFORMED,
        /** GitLab could not be asked. */
        UNCHECKED
    }

    public boolean needsFix() {
        return status != Status.VALID && status != Status.UNCHECKED;
    }
}
