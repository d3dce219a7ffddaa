package org.gitlabaccess.core.doctor.checks;

import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/** A key SSH would offer to GitLab exists, with its public half. */
public final class SshKeyPresentCheck implements Check {
    @Override
    public String id() {
        return "ssh-key-present";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.warn(id(), "No SSH key for " + c.sshEndpoint().alias() + " was found in ~/.ssh.",
                    Fix.manual("Run 'gitlab-access setup --method ssh' to create and register one."));
        }
        try {
            var key = SshKeyFiles.readPublic(SshKeyFiles.publicFileOf(identity.get()));
            return CheckResult.ok(id(), "SSH key " + identity.get() + " (" + key.type() + ", " + key.fingerprint() + ").")
                    .withDetails(Map.of("file", identity.get().toString(), "fingerprint", key.fingerprint()));
        } catch (ProblemException e) {
            return CheckResult.warn(id(), "The key " + identity.get() + " has no readable .pub file next to it.",
                    Fix.manual("Recreate it with: ssh-keygen -y -f " + identity.get() + " > " + identity.get() + ".pub"));
        }
    }
}
