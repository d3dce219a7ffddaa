package org.gitlabaccess.core.setup;

import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.gitlab.TokenRotation;

/**
 * Least privilege: once the key is uploaded and SSH works, a token with the api scope is no longer
 * needed on this machine. Revoked only when the user asked for it.
 */
public final class RevokeTokenStep implements SetupStep {
    @Override
    public StepId id() {
        return StepId.REVOKE_TOKEN;
    }

    @Override
    public List<Change> plan(SetupState state) {
        return state.request().revokeTokenAfter()
                ? List.of(new Change(ChangeKind.TOKEN_REVOKED, state.instance().root(), state.verdict().tokenName(), null))
                : List.of();
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        if (state.request().signedInWithBrowser()) {
            // The browser sign-in's token served setup only: it goes now, whatever was asked.
            new org.gitlabaccess.core.gitlab.oauth.OAuthClient(state.instance().client(null),
                    state.request().oauthClientId(), state.request().clock(), org.gitlabaccess.core.gitlab.Sleeper.REAL)
                    .revoke(state.request().oauthTokens());
            return StepOutcome.changed(id(), state.texts().get("setup.revoke-token.oauth"),
                    List.of(new Change(ChangeKind.TOKEN_REVOKED, state.instance().root(), "OAuth", null)), Map.of());
        }
        if (!state.request().revokeTokenAfter()) {
            return StepOutcome.skipped(id(), state.texts().get("setup.revoke-token.kept"));
        }
        new TokenRotation().revoke(state.client());
        return StepOutcome.changed(id(), state.texts().get("setup.revoke-token.revoked"),
                List.of(new Change(ChangeKind.TOKEN_REVOKED, state.instance().root(), state.verdict().tokenName(), null)),
                Map.of());
    }
}
