package org.gitlabaccess.core.setup;

import java.util.List;

/**
 * One step of the workflow. It reads what earlier steps left in the {@link SetupState}, does its
 * work, records what it learned there, and returns its outcome. A step that cannot do its work
 * throws a {@link org.gitlabaccess.core.ProblemException}; the runner turns it into a failed outcome
 * and stops there.
 */
public interface SetupStep {
    StepId id();

    StepOutcome run(SetupState state, Progress progress);

    /** What the step will change, for the review page; computed without changing anything. */
    default List<Change> plan(SetupState state) {
        return List.of();
    }
}
