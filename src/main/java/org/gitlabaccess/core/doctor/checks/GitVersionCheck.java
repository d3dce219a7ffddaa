package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitVersion;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;

/**
 * git is installed and recent enough (2.30+) for the credential protocol this product speaks: asked
 * the way every other git call is ({@link GitCommand}: the product's PATH, a timeout, and no start
 * while a global git config would block it).
 */
public final class GitVersionCheck implements Check {
    /** Where git for every system is downloaded. */
    private static final Remedy GIT_DOWNLOADS = Remedy.openPage("https://git-scm.com/downloads");

    @Override
    public CheckId id() {
        return CheckId.GIT_VERSION;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitVersion version;
        try {
            version = c.git().requireUsable();
        } catch (ProblemException e) {
            if (e.reason().equals("git-missing")) {
                return CheckResult.fail(id(), c.texts().get("doctor.git-version.missing"),
                        Fix.manual(c.texts().get("doctor.git-version.missing.fix"), GIT_DOWNLOADS));
            }
            if (e.reason().equals("git-too-old")) {
                return CheckResult.fail(id(), e.message(c.locale()),
                        Fix.manual(c.texts().get("doctor.git-version.too-old.fix"), GIT_DOWNLOADS));
            }
            throw e;
        }
        return CheckResult.ok(id(), c.texts().get("doctor.git-version.ok", "git version " + version));
    }
}
