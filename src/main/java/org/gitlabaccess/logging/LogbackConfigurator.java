package org.gitlabaccess.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.io.FilePermissions;

/**
 * Configures Logback in code (no XML parsing at start-up). Every line goes through
 * {@link RedactingLayout}; the file rotates daily and by size and keeps two weeks. It carries no
 * {@code @ConfiguratorRank}: it is the only configurator, and Logback reads that annotation through a
 * proxy class generated at run time, about 15 ms of every command that starts Logback.
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";

    /** Libraries whose INFO lines are noise: they log warnings and errors only, whatever the console shows. */
    private static final List<String> QUIET = List.of("org.apache.sshd", "org.eclipse.jgit");

    /**
     * The lowest level a logger of this name passes, as {@link #configure} sets the levels, on SLF4J's
     * scale: what {@link LevelGatedLogger} asks before Logback has started.
     */
    static int threshold(String loggerName) {
        boolean quiet = QUIET.stream().anyMatch(q -> loggerName.equals(q) || loggerName.startsWith(q + "."));
        Level level = quiet ? Level.WARN : rootLevel();
        return level.isGreaterOrEqual(Level.TRACE) ? Level.toLocationAwareLoggerInteger(level) : 0;
    }

    /** INFO, or the console's level with --verbose. */
    private static Level rootLevel() {
        Level console = consoleLevel();
        return console == Level.OFF ? Level.INFO : console;
    }

    private static Level consoleLevel() {
        return Level.toLevel(System.getProperty(LoggingSetup.CONSOLE_LEVEL, "OFF"), Level.OFF);
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(rootLevel());
        QUIET.forEach(name -> context.getLogger(name).setLevel(Level.WARN));

        String dir = System.getProperty(LoggingSetup.LOG_DIR);
        if (dir != null) {
            // The file is opened on the first event only: most commands log nothing.
            LazyAppender lazy = new LazyAppender(() -> fileAppender(context, Path.of(dir)));
            lazy.setContext(context);
            lazy.setName("file");
            lazy.start();
            root.addAppender(lazy);
        }
        Level consoleLevel = consoleLevel();
        if (consoleLevel != Level.OFF) {
            root.addAppender(consoleAppender(context, consoleLevel));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    private static RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path dir) {
        RollingFileAppender<ILoggingEvent> appender = new PrivateRollingFileAppender();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(dir.resolve("gitlab-access.log").toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(appender);
        policy.setFileNamePattern(dir.resolve("gitlab-access.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        appender.setRollingPolicy(policy);
        appender.setEncoder(encoder(context, PATTERN));
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> consoleAppender(LoggerContext context, Level level) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget("System.err");
        appender.setEncoder(encoder(context, "%-5level %logger{0}: %msg%n"));
        appender.addFilter(new Filter<>() {
            @Override
            public FilterReply decide(ILoggingEvent event) {
                return event.getLevel().isGreaterOrEqual(level) ? FilterReply.NEUTRAL : FilterReply.DENY;
            }
        });
        appender.start();
        return appender;
    }

    /**
     * Logs are owner-only in an owner-only directory, and never written through a link planted where
     * the log goes: every (re)opened file is checked first. A refused file means no file log, never a
     * log elsewhere.
     */
    private static final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String name) throws IOException {
            Path file = Path.of(name).toAbsolutePath();
            FilePermissions.privateDirectory(file.getParent());
            FilePermissions.privateFileForAppend(file);
            super.openFile(name);
        }
    }
}
