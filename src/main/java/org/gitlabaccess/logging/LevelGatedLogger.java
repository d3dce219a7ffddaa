package org.gitlabaccess.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.spi.LocationAwareLogger;

/**
 * A logger that knows its level without Logback ({@link LogbackConfigurator#threshold}) and hands
 * each line that passes to Logback's logger of the same name, starting Logback for the first one.
 */
final class LevelGatedLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    private final int threshold;

    LevelGatedLogger(String name) {
        this.name = name;
        this.threshold = LogbackConfigurator.threshold(name);
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return LevelGatedLogger.class.getName();
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
                                               Throwable throwable) {
        LoggerContext logback = Logback.CONTEXT;
        if (logback != null) { // null only for a line logged while Logback itself starts
            ((LocationAwareLogger) logback.getLogger(name)).log(marker, getFullyQualifiedCallerName(), level.toInt(),
                    message, arguments, throwable);
        }
    }

    /** Logback, started (as SLF4J would start it, with {@link LogbackConfigurator}) when first needed. */
    private static final class Logback {
        static final LoggerContext CONTEXT = start();

        private static LoggerContext start() {
            LogbackServiceProvider provider = new LogbackServiceProvider();
            provider.initialize();
            return (LoggerContext) provider.getLoggerFactory();
        }
    }
}
