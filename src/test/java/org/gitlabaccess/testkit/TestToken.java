package org.gitlabaccess.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A personal access token (or an OAuth access token) as GitLab stores it. */
public final class TestToken {
    final long id;
    final String name;
    final String value;
    final long userId;
    final List<String> scopes;
    final LocalDate expiresAt;
    final Instant createdAt;
    final boolean oauth;
    volatile boolean revoked;
    volatile Instant lastUsedAt;

    TestToken(long id, String name, String value, long userId, List<String> scopes, LocalDate expiresAt,
              Instant createdAt, boolean oauth) {
        this.id = id;
        this.name = name;
        this.value = value;
        this.userId = userId;
        this.scopes = List.copyOf(scopes);
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
        this.oauth = oauth;
    }

    /** GitLab's rule: a token expires on its date, at midnight UTC. */
    public boolean isExpired(LocalDate today) {
        return expiresAt != null && !today.isBefore(expiresAt);
    }

    public boolean isActive(LocalDate today) {
        return !revoked && !isExpired(today);
    }

    public boolean hasAnyScope(List<String> wanted) {
        return scopes.stream().anyMatch(wanted::contains);
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public long userId() {
        return userId;
    }

    public List<String> scopes() {
        return scopes;
    }

    public LocalDate expiresAt() {
        return expiresAt;
    }

    /** Revokes the token, as the user's Revoke button does. */
    public void revoke() {
        revoked = true;
    }

    public boolean revoked() {
        return revoked;
    }

    public boolean oauth() {
        return oauth;
    }
}
