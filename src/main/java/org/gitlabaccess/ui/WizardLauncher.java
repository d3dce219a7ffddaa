package org.gitlabaccess.ui;

import javafx.application.Application;
import org.slf4j.LoggerFactory;

/**
 * Starts JavaFX. A plain class, not an {@link Application} subclass, so the fat jar runs without
 * the JavaFX module path.
 */
public final class WizardLauncher {
    /**
     * The fat jar runs JavaFX from the class path on purpose; JavaFX's start-up warning about that
     * would only alarm users. Held in a field so the setting is not garbage-collected.
     */
    private static final java.util.logging.Logger JAVAFX_PLATFORM_LOG = java.util.logging.Logger.getLogger("javafx");
    private WizardLauncher() {
    }

    /** Opens the wizard and returns when its window is closed. */
    public static void launch(String host, java.nio.file.Path caFile) {
        WizardApp.initialHost = host;
        WizardApp.initialCaFile = caFile;
        JAVAFX_PLATFORM_LOG.setLevel(java.util.logging.Level.SEVERE);
        // Logging starts while JavaFX starts its toolkit, not on the FX thread before the first frame.
        WizardApp.loggingStarted = new Thread(LoggerFactory::getILoggerFactory, "logging-start");
        WizardApp.loggingStarted.setDaemon(true);
        WizardApp.loggingStarted.start();
        Application.launch(WizardApp.class);
    }
}
