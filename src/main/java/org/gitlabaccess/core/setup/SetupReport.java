package org.gitlabaccess.core.setup;

import java.util.List;
import java.util.Optional;

/** The whole run: every step's outcome, and whether anything changed at all. */
public record SetupReport(List<StepOutcome> steps, List<String> warnings) {

    public boolean ok() {
        return steps.stream().noneMatch(StepOutcome::failed);
    }

    /** True when the machine was already set up: every step ran and none had to change anything. */
    public boolean alreadySetUp() {
        return ok() && steps.stream().noneMatch(s -> s.status() == StepStatus.CHANGED);
    }

    /** True when the run revoked the setup's token (asked for, or a browser sign-in's). */
    public boolean tokenRevoked() {
        return steps.stream().anyMatch(s -> s.stepId() == StepId.REVOKE_TOKEN && s.status() == StepStatus.CHANGED);
    }

    public Optional<StepOutcome> failure() {
        return steps.stream().filter(StepOutcome::failed).findFirst();
    }
}
