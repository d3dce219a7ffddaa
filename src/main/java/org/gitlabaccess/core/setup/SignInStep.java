package org.gitlabaccess.core.setup;


/** Reports the session's sign-in: which instance, which account, what the token may do. */
public final class SignInStep extends IdentifiedStep {
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
                    new StepDetails.BrowserSignIn(root, username, true));
        }
        return StepOutcome.unchanged(id(), state.texts().get("setup.sign-in.token", root, username),
                new StepDetails.TokenSignIn(root, username, s.verdict().scopes(),
                        s.verdict().expiresAt() == null ? null : s.verdict().expiresAt().toString()));
    }
}
