package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitVersion;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;

/**
 * git is installed and recent enough (2.30+) for the credential protocol this product speaks: asked
 * the way every other git call is ({@link GitCommand}: the product's PATH, a timeout, and no start
 * while a global git config would block it).
 */
public final class GitVersionCheck implements Check {
    @Override
    public String id() {
        return "git-version";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitVersion version;
        try {
            version = new GitCommand(c.inputs().env()).requireUsable();
        } catch (ProblemException e) {
            if (e.reason().equals("git-missing")) {
                return CheckResult.fail(id(), c.texts().get("doctor.git-version.missing"),
                        Fix.manual(c.texts().get("doctor.git-version.missing.fix")));
            }
            if (e.reason().equals("git-too-old")) {
                return CheckResult.fail(id(), e.message(c.locale()),
                        Fix.manual(c.texts().get("doctor.git-version.too-old.fix")));
            }
            throw e;
        }
        return CheckResult.ok(id(), c.texts().get("doctor.git-version.ok", "git version " + version));
    }
}
