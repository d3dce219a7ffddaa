package org.gitlabaccess.core.gitlab;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account's active personal access tokens, as {@code GET /personal_access_tokens} lists them:
 * names, scopes and dates only. GitLab never returns a token's value in this list, and this class
 * reads no such field either.
 */
public final class AccessTokenList {

    /** One token's public facts. */
    public record Listed(long id, String name, List<String> scopes, Optional<LocalDate> expiresAt,
                         Optional<OffsetDateTime> lastUsedAt) {
    }

    private AccessTokenList() {
    }

    /**
     * The active tokens of the user {@code userId}. {@code user_id} is sent even though a
     * non-administrator only ever sees their own: for an administrator's token GitLab would
     * otherwise list every token of the instance.
     */
    public static List<Listed> active(GitLabClient client, long userId) {
        List<Listed> tokens = new ArrayList<>();
        for (JsonFields t : ApiPages.all(client, "/personal_access_tokens?state=active&user_id=" + userId)) {
            tokens.add(new Listed(t.number("id"), t.optionalDisplay("name"), t.texts("scopes"), t.date("expires_at"),
                    t.timestamp("last_used_at")));
        }
        return tokens;
    }
}
