package org.gitlabaccess.core.setup;

import java.util.List;

/** Reports the session's sign-in: which instance, which account, what the token may do. */
public final class SignInStep extends IdentifiedStep {
    /** Signed in with a personal access token: its scopes and expiry (null: never). */
    public record Token(String host, String username, List<String> scopes, String expiresAt) implements StepDetails {
    }

    /** Signed in in the browser (OAuth). */
    public record Browser(String host, String username, boolean oauth) implements StepDetails {
    }

    public SignInStep() {
        super(StepId.SIGN_IN);
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SignedIn s = state.signIn(progress);
        state.warnings.addAll(s.warnings());
        String root = s.instance().root();
        String username = s.verdict().username();
        if (state.request().signedInWithBrowser()) {
            return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.browser", root, username),
                    new Browser(root, username, true));
        }
        return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.token", root, username),
                new Token(root, username, s.verdict().scopes(),
                        s.verdict().expiresAt() == null ? null : s.verdict().expiresAt().toString()));
    }
}
