package org.gitlabaccess.core.gitlab;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * Turns a token into a verdict in two requests: {@code GET /personal_access_tokens/self} (allowed
 * with any scope) for scopes and expiry, then the account ({@code GET /user} when the scopes allow
 * it, else the public {@code GET /users/:id}).
 */
public final class TokenInspector {
    static final int EXPIRY_WARNING_DAYS = 7;
    private static final List<String> USER_READ_SCOPES = List.of("api", "read_api", "read_user");

    private final Clock clock;
    private final String machineName;

    public TokenInspector(Clock clock, String machineName) {
        this.clock = clock;
        this.machineName = machineName;
    }

    /** The verdict for a personal access token; a {@link ProblemException} when GitLab refuses it. */
    public TokenVerdict inspect(GitLabClient client) {
        return inspect(client, null);
    }

    /** @param method the method the token is meant for, or null when not known yet (tunes the warnings) */
    public TokenVerdict inspect(GitLabClient client, SetupMethod method) {
        ApiResult self = client.get("/personal_access_tokens/self");
        if (!self.ok()) {
            throw ApiProblems.of(self, client.http(), creationPage(client, SetupMethod.SSH));
        }
        JsonFields t = JsonFields.object(self);
        List<String> scopes = t.texts("scopes");
        LocalDate expires = t.date("expires_at").orElse(null);
        boolean revoked = t.flag("revoked", false);
        if (revoked || !t.flag("active", true)) {
            throw ProblemException.of(ProblemKind.AUTHENTICATION, revoked ? "token-revoked"
                    : "token-expired", expires == null ? Text.of("error.token-inactive")
                    : Text.of("error.token-inactive.expired", expires),
                    Text.of("error.token-inactive.hint", creationPage(client, SetupMethod.SSH)));
        }
        long userId = t.number("user_id");
        Account user = account(client, userId, scopes);
        return verdict(client.instanceRoot(), userId, user.username(), user.name(), t.optionalDisplay("name"), scopes,
                expires, false, method);
    }

    /**
     * The verdict for an OAuth access token whose scopes came with it. It has no expiry worth
     * reporting: it lives two hours and is refreshed while in use.
     */
    public TokenVerdict inspectOAuth(GitLabClient client, List<String> scopes) {
        ApiResult user = client.get("/user");
        if (!user.ok()) {
            throw ApiProblems.of(user, client.http(), null);
        }
        JsonFields u = JsonFields.object(user);
        return verdict(client.instanceRoot(), u.number("id"), u.username("username"), u.optionalDisplay("name"),
                "OAuth (browser sign-in)", scopes, null, true, null);
    }

    /** Fails with the exact fix when the token cannot drive the chosen method. */
    public void requireFit(TokenVerdict v, SetupMethod method) {
        if (v.fits(method)) {
            return;
        }
        Text needs = method == SetupMethod.SSH ? Text.of("error.token-scope.needs.ssh")
                : Text.of("error.token-scope.needs.https");
        Text has = v.scopes().isEmpty() ? Text.of("error.token-scope.has.none")
                : Text.of("error.token-scope.has.only", String.join(", ", v.scopes()));
        throw ProblemException.of(ProblemKind.AUTHENTICATION, "token-scope",
                Text.of("error.token-scope.method", has, method.cliName().toUpperCase(Locale.ROOT), needs),
                Text.of("error.token-scope.method.hint", TokenLinks.creationPage(v.instance(),
                        TokenLinks.scopesFor(method), machineName, today())));
    }

    public String creationPage(GitLabClient client, SetupMethod method) {
        return TokenLinks.creationPage(client.instanceRoot(), TokenLinks.scopesFor(method), machineName, today());
    }

    /** Who the token belongs to; the user name and display name are empty when GitLab shows neither. */
    private record Account(String username, String name) {
    }

    private Account account(GitLabClient client, long userId, List<String> scopes) {
        if (scopes.stream().anyMatch(USER_READ_SCOPES::contains)) {
            ApiResult me = client.get("/user");
            if (me.ok()) {
                return accountOf(me);
            }
            requireNoBrokenAnswer(me, client);
        }
        // Public profile: works without a token for the user's id.
        ApiResult pub = client.withToken(null, false).get("/users/" + userId);
        if (pub.ok()) {
            return accountOf(pub);
        }
        requireNoBrokenAnswer(pub, client);
        return new Account("", "");
    }

    /** A refusal leads to the next way of asking; a broken answer or connection is an error of its own. */
    private static void requireNoBrokenAnswer(ApiResult r, GitLabClient client) {
        if (r.outcome() == Outcome.MALFORMED || r.outcome() == Outcome.NOT_GITLAB || r.isNetworkOrTls()) {
            throw ApiProblems.of(r, client.http(), null);
        }
    }

    private static Account accountOf(ApiResult r) {
        JsonFields u = JsonFields.object(r);
        return new Account(u.username("username"), u.optionalDisplay("name"));
    }

    private TokenVerdict verdict(String instance, long userId, String username, String name, String tokenName,
                                 List<String> scopes, LocalDate expires, boolean oauth, SetupMethod method) {
        boolean api = scopes.contains("api");
        boolean push = api || scopes.contains("write_repository");
        boolean pull = push || scopes.contains("read_repository");
        List<String> warnings = new ArrayList<>();
        if (expires != null) {
            long days = ChronoUnit.DAYS.between(today(), expires);
            if (days <= EXPIRY_WARNING_DAYS) {
                warnings.add("This token expires on " + expires + " (in " + days + (days == 1 ? " day" : " days")
                        + "); Git and the API stop accepting it then.");
            }
        }
        if (api && !oauth && method != SetupMethod.SSH) {
            warnings.add("The api scope is more than Git over HTTPS needs: for HTTPS, a token with only "
                    + "write_repository is safer. SSH setup needs api once, to upload the key; the token can be "
                    + "revoked afterwards.");
        }
        if (pull && !push) {
            warnings.add("This token is read-only (read_repository): you can clone and pull over HTTPS, but not push.");
        }
        return new TokenVerdict(instance, userId, username, name, tokenName, List.copyOf(scopes), expires, oauth,
                api, push, pull, List.copyOf(warnings));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
