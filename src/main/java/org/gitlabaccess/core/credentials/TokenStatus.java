package org.gitlabaccess.core.credentials;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What GitLab says about a secret found somewhere (a docker login, a credential helper), asked with
 * {@code GET /personal_access_tokens/self}.
 *
 * @param detail why it could not be checked, for {@link State#UNCHECKED}
 */
public record TokenStatus(State state, List<String> scopes, Optional<LocalDate> expiresAt, String detail) {

    /** GitLab's verdict. */
    public enum State {
        ACTIVE,
        EXPIRED,
        REVOKED,
        /** Not a token GitLab knows: mistyped, deleted, another instance's, or an account password. */
        UNKNOWN,
        /** GitLab could not be asked (network, TLS). */
        UNCHECKED
    }

    public boolean hasAnyScope(String... wanted) {
        for (String w : wanted) {
            if (scopes.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
