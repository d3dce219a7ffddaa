package org.gitlabaccess.core.setup;

/** A step whose id is fixed when it is made, so that each step names it once, in its constructor. */
abstract class IdentifiedStep implements SetupStep {
    private final StepId id;

    IdentifiedStep(StepId id) {
        this.id = id;
    }

    @Override
    public final StepId id() {
        return id;
    }
}
