package org.gitlabaccess.core.credentials;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.JsonFields;
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
            case OK -> fromBody(r);
            case TOKEN_EXPIRED -> new TokenStatus(TokenStatus.State.EXPIRED, List.of(), Optional.empty(), "");
            case TOKEN_REVOKED -> new TokenStatus(TokenStatus.State.REVOKED, List.of(), Optional.empty(), "");
            case UNAUTHORIZED -> new TokenStatus(TokenStatus.State.UNKNOWN, List.of(), Optional.empty(), "");
            default -> new TokenStatus(TokenStatus.State.UNCHECKED, List.of(), Optional.empty(),
                    r.outcome() + (r.detail() == null ? "" : ": " + r.detail()));
        };
    }

    private static TokenStatus fromBody(ApiResult r) {
        try {
            JsonFields t = JsonFields.object(r);
            List<String> scopes = t.texts("scopes");
            Optional<LocalDate> expires = t.date("expires_at");
            TokenStatus.State state = t.flag("revoked", false) ? TokenStatus.State.REVOKED
                    : t.flag("active", true) ? TokenStatus.State.ACTIVE : TokenStatus.State.EXPIRED;
            return new TokenStatus(state, scopes, expires, "");
        } catch (ProblemException e) {
            // An answer that is not GitLab's leaves the secret unchecked, with the reason: the probe goes on.
            return new TokenStatus(TokenStatus.State.UNCHECKED, List.of(), Optional.empty(), e.getMessage());
        }
    }
}
