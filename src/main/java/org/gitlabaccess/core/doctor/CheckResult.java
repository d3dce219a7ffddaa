package org.gitlabaccess.core.doctor;

import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Redactor;

/** One check's verdict: status, one sentence, details for the report, and the fix when not ok. */
public record CheckResult(CheckId id, CheckStatus status, String summary, Map<String, Object> details, Fix fix) {
    public CheckResult {
        summary = Redactor.redact(summary);
        details = details == null ? Map.of() : details;
    }

    public static CheckResult ok(CheckId id, String summary) {
        return new CheckResult(id, CheckStatus.OK, summary, Map.of(), null);
    }

    public static CheckResult skip(CheckId id, String reason) {
        return new CheckResult(id, CheckStatus.SKIP, reason, Map.of(), null);
    }

    public static CheckResult warn(CheckId id, String summary, Fix fix) {
        return new CheckResult(id, CheckStatus.WARN, summary, Map.of(), fix);
    }

    public static CheckResult fail(CheckId id, String summary, Fix fix) {
        return new CheckResult(id, CheckStatus.FAIL, summary, Map.of(), fix);
    }

    /** A failed check that says the problem's sentences in the language asked for (English on the command line). */
    public static CheckResult fail(CheckId id, ProblemException p, Locale locale) {
        return fail(id, p.message(locale), Fix.manual(p.hint(locale), ProblemRemedy.of(p)));
    }

    public CheckResult withDetails(Map<String, Object> more) {
        return new CheckResult(id, status, summary, more, fix);
    }
}
