package org.gitlabaccess.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.gitlabaccess.core.gitlab.SetupMethod;

/** Step 3's state: SSH unless IT's site configuration asks for HTTPS and this version offers it. */
final class MethodViewModel {
    private final WizardSession session;
    private final boolean httpsAvailable;
    private final BooleanProperty https = new SimpleBooleanProperty(false);

    MethodViewModel(WizardSession session, boolean httpsAvailable) {
        this.session = session;
        this.httpsAvailable = httpsAvailable;
        https.set(httpsAvailable && session.site().method().map("https"::equalsIgnoreCase).orElse(false));
    }

    boolean httpsAvailable() {
        return httpsAvailable;
    }

    /** True when HTTPS is chosen, false for SSH. */
    BooleanProperty httpsProperty() {
        return https;
    }

    void commit() {
        session.method = https.get() ? SetupMethod.HTTPS : SetupMethod.SSH;
    }
}
