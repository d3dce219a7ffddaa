package org.gitlabaccess.ui;

import javafx.application.Application;

/**
 * Starts JavaFX. A plain class, not an {@link Application} subclass, so the fat jar runs without
 * the JavaFX module path.
 */
public final class WizardLauncher {
    private WizardLauncher() {
    }

    /** Opens the wizard and returns when its window is closed. */
    public static void launch(String host) {
        WizardApp.initialHost = host;
        Application.launch(WizardApp.class);
    }
}
