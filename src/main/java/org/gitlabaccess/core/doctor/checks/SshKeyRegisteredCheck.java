package org.gitlabaccess.core.doctor.checks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.ssh.SshKeyFiles;

/** The local key is on the GitLab account, and not expired or about to. */
public final class SshKeyRegisteredCheck implements Check {
    @Override
    public String id() {
        return "ssh-key-registered";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), "No token given to compare with the keys on the account.");
        }
        if (c.instanceProblem().isPresent() || c.verdictProblem().isPresent()) {
            return CheckResult.skip(id(), "Not checked: the account could not be read (see token-valid).");
        }
        var identity = c.sshIdentity();
        if (identity.isEmpty()) {
            return CheckResult.skip(id(), "No local SSH key to look for (see ssh-key-present).");
        }
        try {
            var key = SshKeyFiles.readPublic(SshKeyFiles.publicFileOf(identity.get()));
            var found = new SshKeyUploader().findOnAccount(c.client().orElseThrow(), key);
            if (found.isEmpty()) {
                return CheckResult.fail(id(), "The key " + key.fingerprint() + " is not on @" + c.verdict().username()
                        + "'s account.", Fix.manual("Upload it: gitlab-access ssh-key upload --file "
                        + key.publicKeyFile()));
            }
            String expires = found.get().expiresAt();
            if (expires != null && !expires.isBlank()) {
                Instant when = OffsetDateTime.parse(expires).toInstant();
                long days = ChronoUnit.DAYS.between(c.inputs().clock().instant(), when);
                if (!when.isAfter(c.inputs().clock().instant())) {
                    return CheckResult.fail(id(), "The key " + key.fingerprint() + " expired on GitLab on "
                            + expires.substring(0, 10) + ": Git over SSH is refused.",
                            Fix.manual("Create and upload a new key: gitlab-access setup --method ssh --key-file "
                                    + "~/.ssh/id_ed25519_new"));
                }
                if (days <= 7) {
                    return CheckResult.warn(id(), "The key " + key.fingerprint() + " expires on GitLab on "
                            + expires.substring(0, 10) + " (in " + days + " days).",
                            Fix.manual("Upload a new key before then (setup --method ssh with another --key-file)."));
                }
            }
            return CheckResult.ok(id(), "The key " + key.fingerprint() + " is on @" + c.verdict().username()
                    + "'s account (\"" + found.get().title() + "\").");
        } catch (ProblemException e) {
            return CheckResult.fail(id(), e.getMessage(), Fix.manual(e.hint()));
        }
    }
}
