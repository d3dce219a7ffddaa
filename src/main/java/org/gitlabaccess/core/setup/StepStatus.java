package org.gitlabaccess.core.setup;

/** How a step ended. */
public enum StepStatus {
    /** Done, and something changed. */
    CHANGED,
    /** Done; it was already as it should be. */
    UNCHANGED,
    /** Not needed or not applicable; the summary says why. */
    SKIPPED,
    /** Could not be done; the summary and hint say what happened and what to do. */
    FAILED
}
