package org.gitlabaccess.core.setup;

/**
 * The facts a step reports besides its sentence, as a record: the command line writes its components
 * as the JSON document's {@code details}, in their order.
 */
public interface StepDetails {
    /** A step with nothing to add to its sentence. */
    record None() implements StepDetails {
    }

    /** A failed step: the problem's stable reason (e.g. {@code ssh-port-blocked}). */
    record Failure(String reason) implements StepDetails {
    }
}
