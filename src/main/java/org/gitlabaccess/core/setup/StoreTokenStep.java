package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.CredentialRequest;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitCredentialProtocol;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.GitTokenStore;

/** Stores the token where git looks for it (through git's own credential protocol), replacing any old one. */
public final class StoreTokenStep extends IdentifiedStep {
    public StoreTokenStep() {
        super(StepId.STORE_TOKEN);
    }

    @Override
    public List<Change> plan(SetupState state) {
        return List.of(new Change(ChangeKind.CREDENTIAL_STORED, GitHost.of(state.instance().root()).hostAndPort(), null,
                state.texts().get("setup.store-token.plan", state.verdict().username())));
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        GitCommand git = new GitCommand(state.request().env());
        GitHost host = GitHost.of(state.instance().root());
        String username = GitTokenStore.usernameFor(state.verdict());
        progress.update(state.texts().get("setup.store-token.progress"), 0.5);
        var current = new GitCredentialProtocol(git).fill(CredentialRequest.forHost(host));
        boolean same = current.map(f -> f.password().sameValueAs(state.request().token())
                && f.username().equals(username)).orElse(false);
        current.ifPresent(f -> f.password().close());
        if (same) {
            return StepOutcome.unchanged(id(), state.texts().get("setup.store-token.already", host.hostAndPort()),
                    new StepDetails.TokenStored(username));
        }
        var stored = new GitTokenStore(git).store(host, username, state.request().token(),
                state.request().plaintextApproval());
        state.warnings.addAll(stored.warnings());
        if (!stored.verified()) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "token-not-stored",
                    Text.of("error.token-not-stored", host.hostAndPort()),
                    Text.of("error.token-not-stored.hint", String.join(" ", stored.warnings())));
        }
        return StepOutcome.changed(id(), state.texts().get("setup.store-token.stored", username, host.hostAndPort()),
                List.of(new Change(ChangeKind.CREDENTIAL_STORED, host.hostAndPort(), null,
                        state.texts().get("setup.store-token.user", username))), new StepDetails.TokenStored(username));
    }
}
