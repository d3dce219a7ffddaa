package org.gitlabaccess.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.gitlab.TokenInspector;
import org.gitlabaccess.core.gitlab.TokenRotation;
import org.gitlabaccess.core.gitlab.TokenVerdict;
import org.gitlabaccess.core.io.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitlab-access login}: checks a token and says exactly what it is good for. */
@Command(name = LoginCommand.NAME, sortOptions = false,
        header = "Check a token (or sign in in the browser): account, scopes, expiry.",
        description = {"Checks the token live: whose it is, its scopes and expiry, and what it can set up.",
            "With --rotate, replaces it with a new one written to --token-out; with --revoke, revokes it."})
final class LoginCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "login";

    @Option(names = "--method", paramLabel = "ssh|https",
            description = "Fail unless the token can drive this setup method.")
    SetupMethod method;

    @Mixin
    TokenChangeOptions change = new TokenChangeOptions();

    @Mixin
    SignInOptions signIn = new SignInOptions();

    private final Clock clock;

    LoginCommand(CliContext ctx) {
        super(ctx);
        this.clock = Clock.systemUTC();
    }

    @Override
    public Integer call() {
        change.check(signIn.chosen());
        if (signIn.chosen()) {
            return browserSignIn();
        }
        Secret token = requireToken(method == null ? SetupMethod.SSH : method);
        Instance instance = instance();
        GitLabClient client = instance.client(token);
        TokenInspector inspector = new TokenInspector(clock, machineName());
        TokenVerdict verdict = inspector.inspect(client, method);
        if (method != null) {
            inspector.requireFit(verdict, method);
        }
        Document doc = Document.of(verdict);
        report(verdict);
        if (change.rotate) {
            var rotated = new TokenRotation().rotate(client, change.tokenOut);
            doc = doc.withRotated(new Rotated(change.tokenOut.toString(), String.valueOf(rotated.expiresAt())));
            say("Rotated: GitLab revoked the old token; the new one (expires " + rotated.expiresAt()
                    + ") is in " + change.tokenOut + " (readable by you only).");
        }
        if (change.revoke) {
            new TokenRotation().revoke(client);
            doc = doc.withRevoked();
            say("Revoked: GitLab no longer accepts this token.");
        }
        if (json()) {
            printJson(doc);
        }
        return ExitCodes.OK;
    }

    /**
     * Browser or device sign-in. The OAuth token only proves who the user is here; since this command
     * keeps nothing, it is revoked at the end.
     */
    private int browserSignIn() {
        var oauth = oauthClient(signIn.oauthClientId);
        Instance instance = instance();
        List<String> scopes = method == SetupMethod.HTTPS ? List.of("write_repository", "read_user") : List.of("api");
        var tokens = signIn(oauth, signIn.web(), scopes);
        try {
            GitLabClient client = instance.client(tokens.accessToken(), true, Sleeper.REAL);
            TokenInspector inspector = new TokenInspector(clock, machineName());
            TokenVerdict verdict = inspector.inspectOAuth(client, tokens.scopes());
            if (method != null) {
                inspector.requireFit(verdict, method);
            }
            report(verdict);
            if (json()) {
                printJson(Document.of(verdict).withOAuth());
            }
            return ExitCodes.OK;
        } finally {
            try {
                oauth.revoke(tokens);
                note("The sign-in token was revoked again: this command keeps nothing.");
            } catch (ProblemException e) {
                warn("The sign-in token could not be revoked (" + e.getMessage() + "); it expires by itself in two hours.");
            }
        }
    }

    /** The JSON document: whose token, what for, until when; what --rotate, --revoke or a sign-in added. */
    private record Document(String host, String username, String name, long userId, String tokenName,
                            List<String> scopes, String expiresAt, Fit fit, List<String> warnings,
                            @JsonInclude(Include.NON_NULL) Rotated rotated,
                            @JsonInclude(Include.NON_NULL) Boolean revoked,
                            @JsonInclude(Include.NON_NULL) Boolean oauth) {
        static Document of(TokenVerdict v) {
            return new Document(v.instance(), v.username(), v.name(), v.userId(), v.tokenName(), v.scopes(),
                    v.expiresAt() == null ? null : v.expiresAt().toString(),
                    new Fit(v.canSetUpSsh(), v.canPushOverHttps(), v.canPullOverHttps()), v.warnings(),
                    null, null, null);
        }

        Document withRotated(Rotated r) {
            return new Document(host, username, name, userId, tokenName, scopes, expiresAt, fit, warnings, r, revoked,
                    oauth);
        }

        Document withRevoked() {
            return new Document(host, username, name, userId, tokenName, scopes, expiresAt, fit, warnings, rotated,
                    true, oauth);
        }

        Document withOAuth() {
            return new Document(host, username, name, userId, tokenName, scopes, expiresAt, fit, warnings, rotated,
                    revoked, true);
        }
    }

    private record Fit(boolean ssh, boolean httpsPush, boolean httpsPull) {
    }

    private record Rotated(String tokenOut, String expiresAt) {
    }

    private void report(TokenVerdict v) {
        say("Signed in to " + v.instance() + " as @" + v.username() + (v.name().isBlank() ? "" : " (" + v.name() + ")")
                + ".");
        say("  Token:    " + (v.tokenName().isBlank() ? "(unnamed)" : v.tokenName()));
        say("  Scopes:   " + join(v.scopes()));
        if (v.oauth()) {
            say("  Expires:  in two hours, renewed while in use");
        } else if (v.expiresAt() == null) {
            say("  Expires:  never");
        } else {
            long days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(ZoneOffset.UTC)), v.expiresAt());
            say("  Expires:  " + v.expiresAt() + " (in " + days + (days == 1 ? " day)" : " days)"));
        }
        List<String> good = new ArrayList<>();
        if (v.canSetUpSsh()) {
            good.add("SSH setup (uploads your key)");
        }
        if (v.canPushOverHttps()) {
            good.add("Git over HTTPS (push and pull)");
        } else if (v.canPullOverHttps()) {
            good.add("Git over HTTPS (pull only)");
        }
        say("  Good for: " + (good.isEmpty() ? "neither SSH nor HTTPS setup" : String.join("; ", good)));
        v.warnings().forEach(this::warn);
    }
}
