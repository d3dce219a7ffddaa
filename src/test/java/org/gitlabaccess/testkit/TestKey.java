package org.gitlabaccess.testkit;

import java.security.PublicKey;
import java.time.Instant;

/** An SSH key registered through {@code POST /user/keys}. */
public record TestKey(long id, long userId, String title, String key, PublicKey publicKey, String fingerprintSha256,
                      Instant createdAt, Instant expiresAt, String usageType) {

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean usableForAuthentication() {
        return "auth".equals(usageType) || "auth_and_signing".equals(usageType);
    }
}
