package org.gitlabaccess.core.doctor.checks;

import java.time.Duration;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckProblems;
import org.gitlabaccess.core.ssh.SshCheckResult;

/** {@code ssh -T git@host} gets GitLab's welcome with the key SSH would use. */
public final class SshAuthCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.SSH_AUTH;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-auth.no-key"));
        }
        var endpoint = c.sshEffective().endpoint();
        SshCheckResult r;
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.REFUSE,
                Duration.ofSeconds(10))) {
            r = check.greet(c.sshEffective(), identity.get(), c.inputs().keyPassphrase());
        }
        if (r.ok()) {
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-auth.ok", endpoint.alias(), r.detail()));
        }
        if (r.outcome() == SshCheckResult.Outcome.KEY_UNUSABLE) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-auth.not-tried", r.detail()));
        }
        if (r.outcome() == SshCheckResult.Outcome.HOST_KEY_UNKNOWN || r.outcome() == SshCheckResult.Outcome.HOST_KEY_CHANGED) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-auth.host-key"));
        }
        var p = SshCheckProblems.of(r);
        return CheckResult.fail(id(), p, c.locale());
    }
}
