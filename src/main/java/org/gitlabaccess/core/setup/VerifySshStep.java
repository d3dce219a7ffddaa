package org.gitlabaccess.core.setup;

import org.gitlabaccess.core.ssh.SshCheckProblems;
import org.gitlabaccess.core.ssh.SshCheckResult;

/** Proves it: GitLab's welcome line over SSH with the configured key, as {@code ssh -T} would get it. */
public final class VerifySshStep extends IdentifiedStep {
    public VerifySshStep() {
        super(StepId.VERIFY_SSH);
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        progress.update(state.texts().get("setup.verify-ssh.progress"), 0.9);
        SshCheckResult result = AccessVerification.of(state).greet(state.sshLookup().forEndpoint(state.endpoint()),
                state.key().privateKeyFile(), null, state.request().keyPassphrase()).result();
        if (!result.ok()) {
            throw SshCheckProblems.of(result);
        }
        StepDetails.SshVerified details = new StepDetails.SshVerified(state.endpoint().toString(), result.username(), result.detail());
        return StepOutcome.unchanged(id(), state.texts().get("setup.verify-ssh.ok", result.detail()), details);
    }
}
