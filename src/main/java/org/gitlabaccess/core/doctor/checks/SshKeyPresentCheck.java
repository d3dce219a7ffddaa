package org.gitlabaccess.core.doctor.checks;

import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/** A key SSH would offer to GitLab exists, with its public half. */
public final class SshKeyPresentCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.SSH_KEY_PRESENT;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.warn(id(), c.texts().get("doctor.ssh-key-present.missing", c.sshEndpoint().alias()),
                    Fix.manual(c.texts().get("doctor.ssh-key-present.missing.fix"), Remedy.SET_UP_SSH));
        }
        try {
            var key = SshKeyFiles.readPublic(SshKeyFiles.publicFileOf(identity.get()));
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-key-present.ok", identity.get(), key.type(),
                            key.fingerprint()))
                    .withDetails(Map.of("file", identity.get().toString(), "fingerprint", key.fingerprint()));
        } catch (ProblemException e) {
            return CheckResult.warn(id(), c.texts().get("doctor.ssh-key-present.no-public", identity.get()),
                    Fix.manual(c.texts().get("doctor.ssh-key-present.no-public.fix", identity.get()), Remedy.SET_UP_SSH));
        }
    }
}
