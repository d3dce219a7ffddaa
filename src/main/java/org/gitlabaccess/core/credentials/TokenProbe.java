package org.gitlabaccess.core.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.io.Secret;

/**
 * Asks the GitLab instance (and only it: the client never sends a token to another host) whether
 * a secret found on this machine is a live token, with its scopes and expiry.
 */
public final class TokenProbe {
    private final GitLabClient instance;

    /** @param instance a client for the instance; its own token, if any, is not used */
    public TokenProbe(GitLabClient instance) {
        this.instance = instance;
    }

    public TokenStatus probe(Secret secret) {
        ApiResult r = instance.withToken(secret, false).get("/personal_access_tokens/self");
        return switch (r.outcome()) {
            case OK -> fromBody(r.body());
            case TOKEN_EXPIRED -> new TokenStatus(TokenStatus.State.EXPIRED, List.of(), Optional.empty(), "");
            case TOKEN_REVOKED -> new TokenStatus(TokenStatus.State.REVOKED, List.of(), Optional.empty(), "");
            case UNAUTHORIZED -> new TokenStatus(TokenStatus.State.UNKNOWN, List.of(), Optional.empty(), "");
            default -> new TokenStatus(TokenStatus.State.UNCHECKED, List.of(), Optional.empty(),
                    r.outcome() + (r.detail() == null ? "" : ": " + r.detail()));
        };
    }

    private static TokenStatus fromBody(JsonNode t) {
        List<String> scopes = new ArrayList<>();
        t.path("scopes").forEach(s -> scopes.add(s.asText()));
        Optional<LocalDate> expires = t.hasNonNull("expires_at")
                ? Optional.of(LocalDate.parse(t.get("expires_at").asText())) : Optional.empty();
        TokenStatus.State state = t.path("revoked").asBoolean(false) ? TokenStatus.State.REVOKED
                : t.path("active").asBoolean(true) ? TokenStatus.State.ACTIVE : TokenStatus.State.EXPIRED;
        return new TokenStatus(state, List.copyOf(scopes), expires, "");
    }
}
