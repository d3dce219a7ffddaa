package org.gitlabaccess.core.setup;

import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;

/** What one step came to: a status, one sentence, the changes, and details for reports. */
public record StepOutcome(StepId stepId, StepStatus status, String summary, String hint, List<Change> changes,
                          StepDetails details, ProblemException problem) {

    public static StepOutcome changed(StepId id, String summary, List<Change> changes, StepDetails details) {
        return new StepOutcome(id, StepStatus.CHANGED, summary, null, List.copyOf(changes), details, null);
    }

    public static StepOutcome unchanged(StepId id, String summary, StepDetails details) {
        return new StepOutcome(id, StepStatus.UNCHANGED, summary, null, List.of(), details, null);
    }

    public static StepOutcome skipped(StepId id, String summary) {
        return new StepOutcome(id, StepStatus.SKIPPED, summary, null, List.of(), new StepDetails.None(), null);
    }

    /** A failed step, its sentences in English (as the command line prints them). */
    public static StepOutcome failed(StepId id, ProblemException p) {
        return failed(id, p, Locale.ENGLISH);
    }

    /** A failed step, its sentences in the language asked for where the problem knows them as texts. */
    public static StepOutcome failed(StepId id, ProblemException p, Locale locale) {
        return new StepOutcome(id, StepStatus.FAILED, p.message(locale), p.hint(locale), List.of(),
                new StepDetails.Failure(p.reason()), p);
    }

    public boolean failed() {
        return status == StepStatus.FAILED;
    }
}
