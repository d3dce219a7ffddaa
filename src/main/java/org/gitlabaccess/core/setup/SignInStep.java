package org.gitlabaccess.core.setup;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reports the session's sign-in: which instance, which account, what the token may do. */
public final class SignInStep implements SetupStep {
    @Override
    public StepId id() {
        return StepId.SIGN_IN;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SignedIn s = state.signIn(progress);
        state.warnings.addAll(s.warnings());
        String root = s.instance().root();
        if (state.request().signedInWithBrowser()) {
            return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.browser", root, s.verdict().username()),
                    Map.of("host", root, "username", s.verdict().username(), "oauth", true));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", root);
        details.put("username", s.verdict().username());
        details.put("scopes", s.verdict().scopes());
        details.put("expiresAt", s.verdict().expiresAt() == null ? null : s.verdict().expiresAt().toString());
        return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.token", root, s.verdict().username()),
                details);
    }
}
