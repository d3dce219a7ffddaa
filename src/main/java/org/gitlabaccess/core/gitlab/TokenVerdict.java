package org.gitlabaccess.core.gitlab;

import java.time.LocalDate;
import java.util.List;

/**
 * What a token is good for: whose it is, its scopes and expiry, which setup methods it can drive,
 * and the warnings worth reading (expiring soon, broader than needed, read-only).
 */
public record TokenVerdict(String instance, long userId, String username, String name, String tokenName,
                           List<String> scopes, LocalDate expiresAt, boolean oauth, boolean canSetUpSsh,
                           boolean canPushOverHttps, boolean canPullOverHttps, List<String> warnings) {

    public boolean fits(SetupMethod method) {
        return method == SetupMethod.SSH ? canSetUpSsh : canPullOverHttps;
    }
}
