package org.gitlabaccess.core.runner;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.gitlabaccess.core.Text;

/**
 * What GitLab says about one runner's authentication token; names the runner, never holds the token.
 *
 * @param expiresAt when GitLab returns it for a live token
 * @param detail why it could not be asked, for {@link State#UNCHECKED}
 */
public record RunnerTokenVerdict(RegisteredRunner runner, State state, Optional<OffsetDateTime> expiresAt,
                                 String detail) {

    /** GitLab's answer to {@code POST /runners/verify}. */
    public enum State {
        VALID,
        /** 403: expired, reset, or the runner was deleted; GitLab does not say which. */
        REFUSED,
        /** The entry has no token, or no usable URL. */
        INCOMPLETE,
        /** GitLab could not be asked (network, TLS, not GitLab). */
        UNCHECKED
    }

    public boolean ok() {
        return state == State.VALID;
    }

    /** One sentence for the report. */
    public Text sentence() {
        return switch (state) {
            case VALID -> expiresAt.map(d -> Text.of("runner.token.valid-until", runner.label(), d.toLocalDate()))
                    .orElseGet(() -> Text.of("runner.token.valid", runner.label()));
            case REFUSED -> Text.of("runner.token.refused", runner.label());
            case INCOMPLETE -> Text.of("runner.token.incomplete", runner.label());
            case UNCHECKED -> Text.of("runner.token.unchecked", runner.label(), detail);
        };
    }
}
