package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.gitlab.TokenRotation;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.gitlab.oauth.OAuthClient;

/**
 * Least privilege: once the key is uploaded and SSH works, a token with the api scope is no longer
 * needed on this machine. Revoked only when the user asked for it; a browser sign-in's always.
 */
public final class RevokeTokenStep extends IdentifiedStep {
    public RevokeTokenStep() {
        super(StepId.REVOKE_TOKEN);
    }

    @Override
    public List<Change> plan(SetupState state) {
        return state.request().revokeTokenAfter() ? List.of(change(state.request(), state.signedIn())) : List.of();
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        SetupRequest r = state.request();
        if (!r.signedInWithBrowser() && !r.revokeTokenAfter()) {
            return StepOutcome.skipped(id(), state.texts().get("setup.revoke-token.kept"));
        }
        Change revoked = revoke(r, state.signedIn());
        String summary = r.signedInWithBrowser() ? state.texts().get("setup.revoke-token.oauth")
                : state.texts().get("setup.revoke-token.revoked");
        return StepOutcome.changed(id(), summary, List.of(revoked), new StepDetails.None());
    }

    /** Revokes the sign-in's credential on GitLab: the browser sign-in's tokens, else the personal access token. */
    static Change revoke(SetupRequest r, SignedIn s) {
        if (r.signedInWithBrowser()) {
            new OAuthClient(s.instance().client(null), r.oauthClientId(), r.clock(), Sleeper.REAL)
                    .revoke(r.oauthTokens());
        } else {
            new TokenRotation().revoke(s.client());
        }
        return change(r, s);
    }

    private static Change change(SetupRequest r, SignedIn s) {
        return new Change(ChangeKind.TOKEN_REVOKED, s.instance().root(),
                r.signedInWithBrowser() ? "OAuth" : s.verdict().tokenName(), null);
    }
}
