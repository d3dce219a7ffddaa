package org.gitlabaccess.core.doctor.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.AccessTokenList;

/**
 * The account's active personal access tokens that stop working within a week (GitLab's own
 * reminder window), by name, scopes, date and last use. Only what the list endpoint returns is
 * shown: it carries no token values, so none can be printed.
 */
public final class TokensExpiringCheck implements Check {
    static final int WARN_DAYS = 7;

    @Override
    public CheckId id() {
        return CheckId.TOKENS_EXPIRING;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), c.texts().get("doctor.tokens-expiring.no-token"));
        }
        if (c.instanceProblem().isPresent() || c.verdictProblem().isPresent()) {
            return CheckResult.skip(id(), c.texts().get("doctor.tokens-expiring.no-account"));
        }
        var verdict = c.verdict();
        // GitLab lists tokens to api or read_api only; asking with less is a 403 we can predict.
        if (!verdict.scopes().contains("api") && !verdict.scopes().contains("read_api")) {
            return CheckResult.skip(id(), c.texts().get("doctor.tokens-expiring.no-scope"));
        }
        List<AccessTokenList.Listed> due = new ArrayList<>();
        try {
            for (var t : AccessTokenList.active(c.client().orElseThrow(), verdict.userId())) {
                if (t.expiresAt().isPresent()
                        && ExpiryWindow.tokenDueWithin(t.expiresAt().get(), WARN_DAYS, c.inputs().clock())) {
                    due.add(t);
                }
            }
        } catch (ProblemException e) {
            if ("token-scope".equals(e.reason())) {
                return CheckResult.skip(id(), c.texts().get("doctor.tokens-expiring.no-scope"));
            }
            return CheckResult.skip(id(), c.texts().get("doctor.tokens-expiring.unreadable", e.message(c.locale())));
        }
        if (due.isEmpty()) {
            return CheckResult.ok(id(), c.texts().get("doctor.tokens-expiring.ok", WARN_DAYS));
        }
        due.sort(Comparator.comparing((AccessTokenList.Listed t) -> t.expiresAt().orElseThrow())
                .thenComparing(AccessTokenList.Listed::name));
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (var t : due) {
            lines.add(describe(c, t));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", t.name());
            d.put("scopes", t.scopes());
            d.put("expiresAt", t.expiresAt().orElseThrow().toString());
            d.put("lastUsedAt", t.lastUsedAt().map(Object::toString).orElse(null));
            details.add(d);
        }
        String summary = c.texts().get("doctor.tokens-expiring.due", due.size(), WARN_DAYS, String.join("; ", lines));
        Fix fix = Fix.manual(c.texts().get("doctor.tokens-expiring.fix", c.instance().root()),
                Remedy.openPage(c.instance().root() + "/-/user_settings/personal_access_tokens"));
        return CheckResult.warn(id(), summary, fix).withDetails(Map.of("tokens", details));
    }

    private static String describe(DoctorContext c, AccessTokenList.Listed t) {
        long days = ExpiryWindow.daysLeft(t.expiresAt().orElseThrow(), c.inputs().clock());
        String scopes = String.join(", ", t.scopes());
        return t.lastUsedAt().isPresent()
                ? c.texts().get("doctor.tokens-expiring.token", t.name(), scopes, t.expiresAt().get().toString(), days,
                        t.lastUsedAt().get().toLocalDate().toString())
                : c.texts().get("doctor.tokens-expiring.token.unused", t.name(), scopes,
                        t.expiresAt().get().toString(), days);
    }
}
