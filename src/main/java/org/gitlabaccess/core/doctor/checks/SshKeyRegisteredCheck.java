package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;

/** The local key is on the GitLab account (its expiry is {@link SshKeyExpiryCheck}'s job). */
public final class SshKeyRegisteredCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.SSH_KEY_REGISTERED;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-registered.no-token"));
        }
        if (c.instanceProblem().isPresent() || c.verdictProblem().isPresent()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-registered.no-account"));
        }
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.ssh-key-registered.no-key"));
        }
        try {
            var key = c.accountKey().key();
            var found = c.accountKey().registered();
            if (found.isEmpty()) {
                return CheckResult.fail(id(), c.texts().get("doctor.ssh-key-registered.missing", key.fingerprint(),
                        c.verdict().username()), Fix.manual(c.texts().get("doctor.ssh-key-registered.missing.fix",
                        key.publicKeyFile()), Remedy.SET_UP_SSH));
            }
            return CheckResult.ok(id(), c.texts().get("doctor.ssh-key-registered.ok", key.fingerprint(),
                    c.verdict().username(), found.get().title()));
        } catch (ProblemException e) {
            return CheckResult.fail(id(), e, c.locale());
        }
    }
}
