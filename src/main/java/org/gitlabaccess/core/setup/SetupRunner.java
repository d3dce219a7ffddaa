package org.gitlabaccess.core.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * Runs the steps in order. The first failure stops the run; the steps after it are reported as not
 * reached. Each outcome is handed to the listener as soon as it is known (the CLI prints it, the
 * wizard shows it).
 */
final class SetupRunner {
    private final List<SetupStep> steps;

    SetupRunner(List<SetupStep> steps) {
        this.steps = List.copyOf(steps);
    }

    SetupReport run(SetupState state, Progress progress, Consumer<StepOutcome> listener) {
        try {
            return runSteps(state, progress, listener);
        } finally {
            state.close();
        }
    }

    private SetupReport runSteps(SetupState state, Progress progress, Consumer<StepOutcome> listener) {
        List<StepOutcome> outcomes = new ArrayList<>();
        boolean stopped = false;
        Locale locale = state.texts().locale();
        for (SetupStep step : steps) {
            StepOutcome outcome;
            if (stopped) {
                outcome = StepOutcome.skipped(step.id(), state.texts().get("setup.not-reached"));
            } else if (progress.cancelled()) {
                outcome = StepOutcome.failed(step.id(), ProblemException.of(ProblemKind.CHECK_FAILED, "cancelled",
                        Text.of("error.cancelled"), Text.of("error.cancelled.hint")), locale);
            } else {
                try {
                    outcome = step.run(state, progress);
                } catch (ProblemException e) {
                    outcome = StepOutcome.failed(step.id(), e, locale);
                }
            }
            stopped = stopped || outcome.failed();
            outcomes.add(outcome);
            listener.accept(outcome);
        }
        return new SetupReport(outcomes, List.copyOf(state.warnings));
    }
}
