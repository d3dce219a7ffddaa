package org.gitlabaccess.core.doctor.checks;

import java.time.Duration;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckResult;

/** The host key GitLab presents is the one in ~/.ssh/known_hosts (read-only: nothing is recorded here). */
public final class SshHostKeyCheck implements Check {
    @Override
    public String id() {
        return "ssh-host-key";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var endpoint = c.sshEffective().endpoint();
        SshCheckResult r;
        try (SshAccessCheck check = new SshAccessCheck(KnownHosts.inHome(c.home()), HostKeyDecision.REFUSE,
                Duration.ofSeconds(10))) {
            r = check.hostKey(endpoint);
        }
        return switch (r.outcome()) {
            case OK -> CheckResult.ok(id(), "The host key of " + endpoint.knownHostsName() + " matches known_hosts ("
                    + r.hostKeyFingerprint() + ").");
            case HOST_KEY_UNKNOWN -> CheckResult.warn(id(), endpoint.knownHostsName() + " is not in known_hosts yet; "
                    + "it presents " + r.hostKeyFingerprint() + ".", Fix.automatic(
                    "Record the key after comparing the fingerprint with the one your administrators publish.",
                    ctx -> recordKey(ctx)));
            case HOST_KEY_CHANGED, HOST_KEY_REVOKED -> CheckResult.fail(id(), "The host key of "
                    + endpoint.knownHostsName() + " does not match known_hosts (" + r.detail() + ").",
                    Fix.manual("Ask your GitLab administrators whether the key changed; only then run: ssh-keygen -R '"
                            + endpoint.knownHostsName() + "'"));
            default -> CheckResult.skip(id(), "Not checked: SSH could not be reached (" + r.detail() + ").");
        };
    }

    private static String recordKey(DoctorContext c) {
        var endpoint = c.sshEffective().endpoint();
        try (SshAccessCheck check = new SshAccessCheck(KnownHosts.inHome(c.home()), c.inputs().hostKeyDecision(),
                Duration.ofSeconds(10))) {
            SshCheckResult r = check.hostKey(endpoint);
            return r.ok() ? "Recorded " + r.hostKeyFingerprint() + " for " + endpoint.knownHostsName() + "."
                    : "Not recorded: " + r.detail();
        }
    }
}
