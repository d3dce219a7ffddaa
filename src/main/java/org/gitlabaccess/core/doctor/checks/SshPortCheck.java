package org.gitlabaccess.core.doctor.checks;

import java.time.Duration;
import java.util.Map;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.ssh.SshEndpointChooser;

/** GitLab's SSH port answers (and, on gitlab.com where 22 is blocked, whether altssh on 443 does). */
public final class SshPortCheck implements Check {
    private final java.util.Map<String, org.gitlabaccess.core.ssh.SshEndpoint> alternatives;

    public SshPortCheck(java.util.Map<String, org.gitlabaccess.core.ssh.SshEndpoint> alternatives) {
        this.alternatives = alternatives;
    }

    @Override
    public CheckId id() {
        return CheckId.SSH_PORT;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var endpoint = c.sshEffective().endpoint();
        var choice = new SshEndpointChooser(alternatives, Duration.ofSeconds(5)).choose(endpoint);
        Map<String, Object> details = Map.of("host", endpoint.hostName(), "port", endpoint.port());
        var notice = c.sshEffective().notice();
        if (choice.reachable() && !choice.usedAlternative() && notice.isPresent()) {
            // Read without OpenSSH (no ssh installed): say what could not be applied.
            return CheckResult.warn(id(), c.texts().get("doctor.ssh-config.notice", endpoint, notice.get()),
                    Fix.manual(c.texts().get("doctor.ssh-config.notice.fix"), Remedy.NONE)).withDetails(details);
        }
        if (choice.reachable() && !choice.usedAlternative()) {
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-port.ok", endpoint)).withDetails(details);
        }
        if (choice.usedAlternative()) {
            return CheckResult.warn(id(), c.texts().get("doctor.ssh-port.alternative", endpoint.port(),
                    endpoint.hostName(), choice.endpoint().hostName(), choice.endpoint().port()),
                    Fix.manual(c.texts().get("doctor.ssh-port.alternative.fix"), Remedy.SET_UP_SSH)).withDetails(details);
        }
        return CheckResult.fail(id(), c.texts().get("doctor.ssh-port.blocked", endpoint),
                Fix.manual(c.texts().get("doctor.ssh-port.blocked.fix"), Remedy.SET_UP_HTTPS)).withDetails(details);
    }
}
