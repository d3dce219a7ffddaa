package org.gitlabaccess.ui;

import java.util.function.Consumer;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;

/** Takes the user from a diagnosis to the step that does the remedy, with the method it needs chosen. */
final class RemedySteps implements Consumer<Remedy> {
    private final MethodViewModel method;
    private final Runnable toMethodStep;
    private final Runnable toSignInStep;
    private final BrowserOpener browser;

    RemedySteps(MethodViewModel method, Runnable toMethodStep, Runnable toSignInStep, BrowserOpener browser) {
        this.method = method;
        this.toMethodStep = toMethodStep;
        this.toSignInStep = toSignInStep;
        this.browser = browser;
    }

    @Override
    public void accept(Remedy remedy) {
        switch (remedy.kind()) {
            case SET_UP_SSH -> {
                method.httpsProperty().set(false);
                toMethodStep.run();
            }
            case SET_UP_HTTPS -> {
                method.httpsProperty().set(method.httpsAvailable());
                toMethodStep.run();
            }
            case SIGN_IN_AGAIN -> toSignInStep.run();
            case OPEN_PAGE -> browser.open(remedy.url());
            case CHECK_AGAIN, NONE -> {
                // The Diagnose page runs the checks itself; NONE has no button.
            }
        }
    }
}
