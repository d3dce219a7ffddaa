package org.gitlabaccess.core.setup;

/**
 * One step of the workflow: a plain object the wizard shows and the CLI prints. It reads what
 * earlier steps left in the {@link SetupState}, does its work, records what it learned there, and
 * returns its outcome. Failures are outcomes, not exceptions.
 */
public interface SetupStep {
    String id();

    /** A short title for lists ("Sign in", "SSH key"). */
    String title();

    StepOutcome run(SetupState state, Progress progress);

    /** What the step will change, for the review page; computed without changing anything. */
    default java.util.List<Change> plan(SetupState state) {
        return java.util.List.of();
    }
}
