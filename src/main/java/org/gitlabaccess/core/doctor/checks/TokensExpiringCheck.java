package org.gitlabaccess.core.doctor.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.CredentialRequest;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitCredentialProtocol;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.AccessTokenList;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.JsonFields;
import org.gitlabaccess.core.io.Secret;

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
        Optional<Long> storedForGit = storedForGit(c);
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> details = new ArrayList<>();
        for (var t : due) {
            boolean ours = storedForGit.isPresent() && storedForGit.get() == t.id();
            lines.add(ours ? c.texts().get("doctor.tokens-expiring.stored", describe(c, t)) : describe(c, t));
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("name", t.name());
            d.put("scopes", t.scopes());
            d.put("expiresAt", t.expiresAt().orElseThrow().toString());
            d.put("lastUsedAt", t.lastUsedAt().map(Object::toString).orElse(null));
            d.put("storedForGit", ours);
            details.add(d);
        }
        String summary = c.texts().get("doctor.tokens-expiring.due", due.size(), WARN_DAYS, String.join("; ", lines));
        boolean oursDue = storedForGit.isPresent() && due.stream().anyMatch(t -> t.id() == storedForGit.get());
        String howTo = c.texts().get("doctor.tokens-expiring.fix", c.instance().root())
                + (oursDue ? " " + c.texts().get("doctor.tokens-expiring.fix.stored") : "");
        Fix fix = Fix.manual(howTo, Remedy.openPage(c.instance().root() + "/-/user_settings/personal_access_tokens"));
        return CheckResult.warn(id(), summary, fix).withDetails(Map.of("tokens", details));
    }

    /**
     * The token git's credential store holds for this host (the one setup stored for HTTPS), by its id:
     * its value is asked of git's own helpers, shown to GitLab only, and never kept or printed.
     */
    private static Optional<Long> storedForGit(DoctorContext c) {
        try {
            var filled = new GitCredentialProtocol(c.git())
                    .fill(CredentialRequest.forHost(GitHost.of(c.instance().root())));
            if (filled.isEmpty()) {
                return Optional.empty();
            }
            try (Secret token = filled.get().password()) {
                ApiResult self = c.instance().client(token).get("/personal_access_tokens/self");
                return self.ok() ? Optional.of(JsonFields.object(self).number("id")) : Optional.empty();
            }
        } catch (ProblemException e) {
            return Optional.empty(); // no git, no helper: nothing of ours to name
        }
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
