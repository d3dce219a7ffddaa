package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.ssh.SshAgent;

/** An ssh-agent runs, so a passphrase-protected key is not asked for at every push. */
public final class SshAgentCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.SSH_AGENT;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (new SshAgent(c.inputs().env()).running()) {
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-agent.ok"));
        }
        return CheckResult.warn(id(), c.texts().get("doctor.ssh-agent.missing"),
                Fix.manual(c.texts().get("doctor.ssh-agent.missing.fix"), Remedy.NONE));
    }
}
