package org.gitlabaccess.core.setup;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gitlabaccess.core.ssh.SshCheckProblems;
import org.gitlabaccess.core.ssh.SshCheckResult;

/** Proves it: GitLab's welcome line over SSH with the configured key, as {@code ssh -T} would get it. */
public final class VerifySshStep implements SetupStep {
    @Override
    public StepId id() {
        return StepId.VERIFY_SSH;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        progress.update(state.texts().get("setup.verify-ssh.progress"), 0.9);
        SshCheckResult result = AccessVerification.of(state).greet(state.sshLookup().forEndpoint(state.endpoint()),
                state.key().privateKeyFile(), null, state.request().keyPassphrase()).result();
        if (!result.ok()) {
            throw SshCheckProblems.of(result);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endpoint", state.endpoint().toString());
        details.put("username", result.username());
        details.put("welcome", result.detail());
        return StepOutcome.unchanged(id(), state.texts().get("setup.verify-ssh.ok", result.detail()), details);
    }
}
