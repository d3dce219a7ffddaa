package org.gitlabaccess.logging;

import java.nio.file.Path;

/**
 * Chooses where logs go before the first logger exists: a rotated file in the state directory,
 * and the console (stderr only, so {@code --json} keeps stdout clean) only with {@code --verbose}.
 */
public final class LoggingSetup {
    static final String LOG_DIR = "gitlab-access.log.dir";
    static final String CONSOLE_LEVEL = "gitlab-access.log.console";
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private LoggingSetup() {
    }

    public static void prepare(Path logDir, boolean verbose) {
        if (System.getProperty(LOG_DIR) == null) {
            System.setProperty(LOG_DIR, logDir.toString());
        }
        System.setProperty(CONSOLE_LEVEL, verbose ? "DEBUG" : "OFF");
        // Logback starts with the first line logged, not with the first logger (MINA creates dozens).
        // SLF4J announces a provider chosen this way at its INFO level, on stderr: warnings only.
        System.setProperty(SLF4J_PROVIDER, LazyLogbackProvider.class.getName());
        System.setProperty(SLF4J_VERBOSITY, "WARN");
    }
}
