package org.gitlabaccess.core.doctor.checks;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;

/** The token given to doctor is valid, and not about to expire. */
public final class TokenValidCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.TOKEN_VALID;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!c.hasToken()) {
            return CheckResult.skip(id(), c.texts().get("doctor.token-valid.no-token"));
        }
        if (c.instanceProblem().isPresent()) {
            return CheckResult.skip(id(), c.texts().get("doctor.not-checked.unreachable"));
        }
        var problem = c.verdictProblem();
        if (problem.isPresent()) {
            return CheckResult.fail(id(), problem.get(), c.locale());
        }
        var v = c.verdict();
        Map<String, Object> details = Map.of("username", v.username(), "scopes", v.scopes(),
                "expiresAt", String.valueOf(v.expiresAt()));
        if (v.expiresAt() != null) {
            long days = ChronoUnit.DAYS.between(LocalDate.now(c.inputs().clock().withZone(ZoneOffset.UTC)), v.expiresAt());
            if (days <= 7) {
                return CheckResult.warn(id(), c.texts().get("doctor.token-valid.expiring", v.username(), v.expiresAt(),
                        days), Fix.manual(c.texts().get("doctor.token-valid.expiring.fix"), Remedy.SIGN_IN_AGAIN)).withDetails(details);
            }
        }
        String scopes = String.join(", ", v.scopes());
        return CheckResult.ok(id(), v.expiresAt() == null ? c.texts().get("doctor.token-valid.ok", v.username(), scopes)
                : c.texts().get("doctor.token-valid.ok.expires", v.username(), scopes, v.expiresAt()))
                .withDetails(details);
    }
}
