package org.gitlabaccess.core.gitlab.oauth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gitlabaccess.core.io.Secret;

/** What GitLab's token endpoint returned; the values are secrets and print as such. */
public record OAuthTokens(Secret accessToken, Secret refreshToken, Instant expiresAt, List<String> scopes) {

    public boolean expiresWithin(Duration margin, Instant now) {
        return expiresAt != null && !now.plus(margin).isBefore(expiresAt);
    }
}
