package org.gitlabaccess.core.doctor.checks;

import java.time.Duration;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshCheckResult;

/** The host key GitLab presents is the one in ~/.ssh/known_hosts (read-only: nothing is recorded here). */
public final class SshHostKeyCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.SSH_HOST_KEY;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var endpoint = c.sshEffective().endpoint();
        SshCheckResult r;
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.REFUSE,
                Duration.ofSeconds(10))) {
            r = check.hostKey(c.sshEffective());
        }
        return switch (r.outcome()) {
            case OK -> CheckResult.ok(id(), c.texts().get("doctor.ssh-host-key.ok", endpoint.knownHostsName(),
                    r.hostKeyFingerprint()));
            case HOST_KEY_UNKNOWN -> CheckResult.warn(id(), c.texts().get("doctor.ssh-host-key.unknown",
                    endpoint.knownHostsName(), r.hostKeyFingerprint()),
                    Fix.automatic(c.texts().get("doctor.ssh-host-key.unknown.fix"), c.texts().get(
                            "doctor.ssh-host-key.consent", r.hostKeyFingerprint(), endpoint.knownHostsName(),
                            KnownHosts.of(c.sshEffective()).file()), ctx -> recordKey(ctx, r.hostKeyFingerprint())));
            case HOST_KEY_CHANGED, HOST_KEY_REVOKED -> CheckResult.fail(id(), c.texts().get("doctor.ssh-host-key.changed",
                    endpoint.knownHostsName(), r.detail()),
                    Fix.manual(c.texts().get("doctor.ssh-host-key.changed.fix", endpoint.knownHostsName(),
                            r.recorded().isEmpty() ? KnownHosts.of(c.sshEffective()).file() : r.recorded().get(0).file()),
                            Remedy.NONE));
            case PROXY_COMMAND -> CheckResult.skip(id(), c.texts().get("doctor.ssh-host-key.proxy-command",
                    endpoint.knownHostsName(), r.detail()));
            // Why, in words: the client's own exception text names futures and classes.
            case CONNECTION_REFUSED -> CheckResult.skip(id(), c.texts().get("doctor.ssh-host-key.unreachable",
                    c.texts().get("doctor.ssh-host-key.refused")));
            case PORT_BLOCKED -> CheckResult.skip(id(), c.texts().get("doctor.ssh-host-key.unreachable",
                    c.texts().get("doctor.ssh-host-key.blocked")));
            case DNS -> CheckResult.skip(id(), c.texts().get("doctor.ssh-host-key.unreachable",
                    c.texts().get("doctor.ssh-host-key.dns")));
            default -> CheckResult.skip(id(), c.texts().get("doctor.ssh-host-key.unreachable", r.detail()));
        };
    }

    /** Records only the key the user consented to: a different one presented since is refused. */
    private static String recordKey(DoctorContext c, String consented) {
        var endpoint = c.sshEffective().endpoint();
        HostKeyDecision asked = c.inputs().hostKeyDecision();
        try (SshAccessCheck check = new SshAccessCheck((e, key, fingerprint) -> fingerprint.equals(consented)
                && asked.acceptNewHost(e, key, fingerprint), Duration.ofSeconds(10))) {
            SshCheckResult r = check.hostKey(c.sshEffective());
            return r.ok() ? c.texts().get("doctor.ssh-host-key.recorded", r.hostKeyFingerprint(), endpoint.knownHostsName())
                    : c.texts().get("doctor.ssh-host-key.not-recorded", r.detail());
        }
    }
}
