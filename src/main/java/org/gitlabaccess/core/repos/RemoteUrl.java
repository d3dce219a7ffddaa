package org.gitlabaccess.core.repos;

import java.util.Optional;

/**
 * One URL of one remote ({@code remote.<name>.url} or {@code .pushurl}): as configured, as git
 * really uses it after {@code insteadOf} rules, and what it is. {@code toString} shows redacted URLs only.
 */
public record RemoteUrl(String remote, String key, GitUrl configured, GitUrl effective, Optional<String> rule,
                        RemoteKind kind, String host, String project) {
    public static final String URL = "url";
    public static final String PUSH_URL = "pushurl";
    /** Not a configuration key: where git pushes a {@code url} that a {@code pushInsteadOf} rule rewrites. */
    public static final String PUSH_BY_RULE = "push";

    public boolean rewrittenByRule() {
        return rule.isPresent();
    }
}
