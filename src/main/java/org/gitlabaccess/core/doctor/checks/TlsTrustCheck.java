package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;

/** The instance's certificate is trusted (JDK, system and any CA file given). */
public final class TlsTrustCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.TLS_TRUST;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.url().isPlainHttp()) {
            return CheckResult.warn(id(), c.texts().get("doctor.tls-trust.plain-http"),
                    Fix.manual(c.texts().get("doctor.tls-trust.plain-http.fix"), Remedy.NONE));
        }
        var problem = c.instanceProblem();
        if (problem.isEmpty()) {
            boolean caFile = c.inputs().caFile() != null || c.inputs().site().caFile().isPresent();
            return CheckResult.ok(id(), caFile ? c.texts().get("doctor.tls-trust.ok.ca-file", c.url().host())
                    : c.texts().get("doctor.tls-trust.ok", c.url().host()));
        }
        ProblemException p = problem.get();
        if (p.reason().startsWith("tls")) {
            return CheckResult.fail(id(), p, c.locale());
        }
        return CheckResult.skip(id(), c.texts().get("doctor.not-checked.unreachable"));
    }
}
