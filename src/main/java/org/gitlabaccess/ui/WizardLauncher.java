package org.gitlabaccess.ui;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts JavaFX. A plain class, not an {@link Application} subclass, so the fat jar runs without
 * the JavaFX module path.
 */
public final class WizardLauncher {
    /**
     * The fat jar runs JavaFX from the class path on purpose; JavaFX's start-up warning about that
     * would only alarm users. Held in a field so the setting is not garbage-collected.
     */
    private static Logger javafxPlatformLog;

    private WizardLauncher() {
    }

    /** Opens the wizard and returns when its window is closed. */
    public static void launch(String host, Path caFile) {
        WizardApp.initialHost = host;
        WizardApp.initialCaFile = caFile;
        // Only from the class path: the installers' runtime holds JavaFX as modules, which do not warn,
        // and starting java.util.logging here (it looks through every jar) would delay their start.
        if (!Application.class.getModule().isNamed()) {
            javafxPlatformLog = Logger.getLogger("javafx");
            javafxPlatformLog.setLevel(Level.SEVERE);
        }
        // Read while JavaFX starts its toolkit, not on the JavaFX thread before the first frame.
        WizardApp.inputsRead = WizardInputs.readBeside();
        Application.launch(WizardApp.class);
    }
}
