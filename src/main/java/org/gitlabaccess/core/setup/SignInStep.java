package org.gitlabaccess.core.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.TokenInspector;
import org.gitlabaccess.core.gitlab.TokenLinks;

/** Finds the instance and checks that the token can drive the chosen method. */
public final class SignInStep implements SetupStep {
    @Override
    public StepId id() {
        return StepId.SIGN_IN;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        progress.update(state.texts().get("setup.sign-in.progress"), 0.1);
        state.instance = Instance.resolve(r.env(), r.site(), r.host(), r.caFile());
        state.warnings.addAll(state.instance.warnings());
        TokenInspector inspector = new TokenInspector(r.clock(), r.machineName());
        if (r.signedInWithBrowser()) {
            if (r.method() != org.gitlabaccess.core.gitlab.SetupMethod.SSH) {
                throw ProblemException.of(ProblemKind.USAGE, "oauth-https", Text.of("error.oauth-https"),
                        Text.of("error.oauth-https.hint"));
            }
            state.client = state.instance.client(r.oauthTokens().accessToken(), true,
                    org.gitlabaccess.core.gitlab.Sleeper.REAL);
            state.verdict = inspector.inspectOAuth(state.client, r.oauthTokens().scopes());
            inspector.requireFit(state.verdict, r.method());
            return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.browser", state.instance.root(),
                    state.verdict.username()), java.util.Map.of("host", state.instance.root(),
                    "username", state.verdict.username(), "oauth", true));
        }
        if (r.token() == null) {
            throw ProblemException.of(ProblemKind.USAGE, "token-missing", Text.of("error.token-missing"),
                    Text.of("error.token-missing.hint", TokenLinks.creationPage(state.instance.root(),
                            TokenLinks.scopesFor(r.method()), r.machineName(),
                            java.time.LocalDate.now(r.clock().withZone(java.time.ZoneOffset.UTC)))));
        }
        state.client = state.instance.client(r.token());
        state.verdict = inspector.inspect(state.client, r.method());
        inspector.requireFit(state.verdict, r.method());
        state.warnings.addAll(state.verdict.warnings());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", state.instance.root());
        details.put("username", state.verdict.username());
        details.put("scopes", state.verdict.scopes());
        details.put("expiresAt", state.verdict.expiresAt() == null ? null : state.verdict.expiresAt().toString());
        return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.token", state.instance.root(),
                state.verdict.username()), details);
    }
}
