package org.gitlabaccess.ui;

import java.util.function.Function;

/**
 * One step of the wizard: its name for the step list at once, its page made the first time it is
 * needed. The first frame waits for the first page only; making all nine took longer than the rest
 * of the window.
 */
final class Step<P extends WizardPage> {
    private final String titleKey;
    private final Function<WizardWindow, P> make;
    private P page;

    /** {@code make} gets the window the page will be in, for the pages that lead to other steps. */
    Step(String titleKey, Function<WizardWindow, P> make) {
        this.titleKey = titleKey;
        this.make = make;
    }

    String titleKey() {
        return titleKey;
    }

    P page(WizardWindow window) {
        if (page == null) {
            page = make.apply(window);
        }
        return page;
    }
}
