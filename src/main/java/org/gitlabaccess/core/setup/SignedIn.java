package org.gitlabaccess.core.setup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.gitlab.TokenInspector;
import org.gitlabaccess.core.gitlab.TokenLinks;
import org.gitlabaccess.core.gitlab.TokenVerdict;

/**
 * Who the user is on which instance, and what the credential may do: learned once per session,
 * then read by every step.
 *
 * @param warnings the instance's and the token's warnings (expiring soon, an extra CA), for the report
 */
public record SignedIn(Instance instance, GitLabClient client, TokenVerdict verdict, List<String> warnings) {

    public SignedIn {
        warnings = List.copyOf(warnings);
    }

    /** Finds the instance and asks GitLab about the token (or the browser sign-in); fails unless it fits the method. */
    static SignedIn of(SetupRequest r, CoreTexts texts, Progress progress) {
        progress.update(texts.get("setup.sign-in.progress"), 0.1);
        Instance instance = Instance.resolve(r.env(), r.site(), r.host(), r.caFile());
        List<String> warnings = new ArrayList<>(instance.warnings());
        TokenInspector inspector = new TokenInspector(r.clock(), r.machineName());
        if (r.signedInWithBrowser()) {
            if (r.method() != SetupMethod.SSH) {
                throw ProblemException.of(ProblemKind.USAGE, "oauth-https", Text.of("error.oauth-https"),
                        Text.of("error.oauth-https.hint"));
            }
            GitLabClient client = instance.client(r.oauthTokens().accessToken(), true, Sleeper.REAL);
            TokenVerdict verdict = inspector.inspectOAuth(client, r.oauthTokens().scopes());
            inspector.requireFit(verdict, r.method());
            return new SignedIn(instance, client, verdict, warnings);
        }
        if (r.token() == null) {
            throw ProblemException.of(ProblemKind.USAGE, "token-missing", Text.of("error.token-missing"),
                    Text.of("error.token-missing.hint", TokenLinks.creationPage(instance.root(),
                            TokenLinks.scopesFor(r.method()), r.machineName(),
                            LocalDate.now(r.clock().withZone(ZoneOffset.UTC)))));
        }
        GitLabClient client = instance.client(r.token());
        TokenVerdict verdict = inspector.inspect(client, r.method());
        inspector.requireFit(verdict, r.method());
        warnings.addAll(verdict.warnings());
        return new SignedIn(instance, client, verdict, warnings);
    }
}
