package org.gitlabaccess.core.setup;

import org.gitlabaccess.core.WireId;

/** How a step ended. */
public enum StepStatus implements WireId {
    /** Done, and something changed. */
    CHANGED,
    /** Done; it was already as it should be. */
    UNCHANGED,
    /** Not needed or not applicable; the summary says why. */
    SKIPPED,
    /** Could not be done; the summary and hint say what happened and what to do. */
    FAILED;

    @Override
    public String id() {
        return WireId.of(this);
    }
}
