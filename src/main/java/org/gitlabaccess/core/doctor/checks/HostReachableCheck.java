package org.gitlabaccess.core.doctor.checks;

import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;

/** The instance answers with GitLab's API: DNS, TCP, TLS and the API itself. */
public final class HostReachableCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.HOST_REACHABLE;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        var problem = c.instanceProblem();
        if (problem.isEmpty()) {
            return CheckResult.ok(id(), c.texts().get("doctor.host-reachable.ok", c.instance().root()))
                    .withDetails(Map.of("root", c.instance().root()));
        }
        ProblemException p = problem.get();
        if (p.reason().startsWith("tls")) {
            return CheckResult.ok(id(), c.texts().get("doctor.host-reachable.untrusted", c.url().origin()));
        }
        return CheckResult.fail(id(), p, c.locale());
    }
}
