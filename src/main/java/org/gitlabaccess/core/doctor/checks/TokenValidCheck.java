package org.gitlabaccess.core.doctor.checks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;

/** The token given to doctor is valid, and not about to expire. */
public final class TokenValidCheck implements Check {
    @Override
    public String id() {
        return "token-valid";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), "No token given (--token-file, --token-stdin or GITLAB_TOKEN) to check.");
        }
        if (c.instanceProblem().isPresent()) {
            return CheckResult.skip(id(), "Not checked: the host could not be reached.");
        }
        var problem = c.verdictProblem();
        if (problem.isPresent()) {
            return CheckResult.fail(id(), problem.get().getMessage(), Fix.manual(problem.get().hint()));
        }
        var v = c.verdict();
        Map<String, Object> details = Map.of("username", v.username(), "scopes", v.scopes(),
                "expiresAt", String.valueOf(v.expiresAt()));
        if (v.expiresAt() != null) {
            long days = ChronoUnit.DAYS.between(LocalDate.now(c.inputs().clock().withZone(ZoneOffset.UTC)), v.expiresAt());
            if (days <= 7) {
                return CheckResult.warn(id(), "The token of @" + v.username() + " expires on " + v.expiresAt()
                        + " (in " + days + " days).", Fix.manual("Rotate it: gitlab-access login --rotate --token-out FILE."))
                        .withDetails(details);
            }
        }
        return CheckResult.ok(id(), "The token of @" + v.username() + " is valid (" + String.join(", ", v.scopes())
                + (v.expiresAt() == null ? "" : "; expires " + v.expiresAt()) + ").").withDetails(details);
    }
}
