package org.gitlabaccess.ui;

import java.util.function.Consumer;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;

/** Takes the user from a diagnosis to the step that does the remedy, with the method it needs chosen. */
final class RemedySteps implements Consumer<Remedy> {
    private final Consumer<WizardPage> pages;
    private final MethodViewModel method;
    private final WizardPage methodPage;
    private final WizardPage signInPage;
    private final BrowserOpener browser;

    RemedySteps(Consumer<WizardPage> pages, MethodViewModel method, WizardPage methodPage, WizardPage signInPage,
                BrowserOpener browser) {
        this.pages = pages;
        this.method = method;
        this.methodPage = methodPage;
        this.signInPage = signInPage;
        this.browser = browser;
    }

    @Override
    public void accept(Remedy remedy) {
        switch (remedy.kind()) {
            case SET_UP_SSH -> {
                method.httpsProperty().set(false);
                pages.accept(methodPage);
            }
            case SET_UP_HTTPS -> {
                method.httpsProperty().set(method.httpsAvailable());
                pages.accept(methodPage);
            }
            case SIGN_IN_AGAIN -> pages.accept(signInPage);
            case OPEN_PAGE -> browser.open(remedy.url());
            case CHECK_AGAIN, NONE -> {
                // The Diagnose page runs the checks itself; NONE has no button.
            }
        }
    }
}
