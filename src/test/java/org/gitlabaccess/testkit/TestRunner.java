package org.gitlabaccess.testkit;

import java.time.Instant;

/** A registered runner and its authentication token ({@code glrt-…}), as {@code POST /runners/verify} knows it. */
public record TestRunner(long id, String token, Instant tokenExpiresAt) {

    public boolean isExpired(Instant now) {
        return tokenExpiresAt != null && !now.isBefore(tokenExpiresAt);
    }
}
