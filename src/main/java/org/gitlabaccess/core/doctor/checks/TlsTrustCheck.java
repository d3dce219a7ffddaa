package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;

/** The instance's certificate is trusted (JDK, system and any CA file given). */
public final class TlsTrustCheck implements Check {
    @Override
    public String id() {
        return "tls-trust";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.url().isPlainHttp()) {
            return CheckResult.warn(id(), "The address uses plain http://: nothing is encrypted.",
                    Fix.manual("Use the https:// address of your GitLab."));
        }
        var problem = c.instanceProblem();
        if (problem.isEmpty()) {
            return CheckResult.ok(id(), "The certificate of " + c.url().host() + " is trusted"
                    + (c.inputs().caFile() != null || c.inputs().site().caFile().isPresent() ? " (with the CA file given)."
                    : "."));
        }
        ProblemException p = problem.get();
        if (p.reason().startsWith("tls")) {
            return CheckResult.fail(id(), p.getMessage(), Fix.manual(p.hint()));
        }
        return CheckResult.skip(id(), "Not checked: the host could not be reached.");
    }
}
