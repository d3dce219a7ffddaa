package org.gitlabaccess.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The product's loggers: Logback's levels known before Logback starts, and lines that pass reach the log. */
class LazyLogbackProviderTest {
    private final LazyLogbackProvider provider = new LazyLogbackProvider();
    @TempDir
    Path logDir;
    private String sharedLogDir;

    /** This provider starts a Logback context of its own: it writes to a log of its own, not the suite's. */
    @BeforeEach
    void ownLog() {
        sharedLogDir = System.getProperty(LoggingSetup.LOG_DIR);
        System.setProperty(LoggingSetup.LOG_DIR, logDir.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(LoggingSetup.CONSOLE_LEVEL);
        if (sharedLogDir == null) {
            System.clearProperty(LoggingSetup.LOG_DIR);
        } else {
            System.setProperty(LoggingSetup.LOG_DIR, sharedLogDir);
        }
    }

    private Logger logger(String name) {
        provider.initialize();
        return provider.getLoggerFactory().getLogger(name);
    }

    @Test
    void librariesLogWarningsOnlyAndTheProductFromInfo() {
        Logger mina = logger("org.apache.sshd.client.session.ClientSessionImpl");
        Logger jgit = logger("org.eclipse.jgit.transport.Transport");
        Logger product = logger("org.gitlabaccess.cli.Cli");
        Logger lookalike = logger("org.apache.sshdx.Other");

        assertThat(mina.isInfoEnabled()).isFalse();
        assertThat(mina.isWarnEnabled()).isTrue();
        assertThat(jgit.isInfoEnabled()).isFalse();
        assertThat(jgit.isErrorEnabled()).isTrue();
        assertThat(product.isDebugEnabled()).isFalse();
        assertThat(product.isInfoEnabled()).isTrue();
        assertThat(lookalike.isInfoEnabled()).isTrue();
    }

    @Test
    void verboseOpensDebugForTheProductNotForTheLibraries() {
        System.setProperty(LoggingSetup.CONSOLE_LEVEL, "DEBUG");

        assertThat(logger("org.gitlabaccess.core.credentials.GitCommand").isDebugEnabled()).isTrue();
        assertThat(logger("org.gitlabaccess.core.credentials.GitCommand").isTraceEnabled()).isFalse();
        assertThat(logger("org.apache.sshd.common.io.nio2.Nio2Session").isInfoEnabled()).isFalse();
    }

    @Test
    void aLineThatPassesReachesTheLogFileRedactedAndOneBelowTheLevelDoesNot() throws Exception {
        Logger log = logger("lazy-check");
        String marker = "lazy-" + System.nanoTime();
        log.debug("{} debug line", marker);
        log.info("{} info line with glpat-Zz9yXx8wVv7uTt6sSr5q", marker);

        String text = Files.readString(logDir.resolve("gitlab-access.log"));
        assertThat(text).contains(marker + " info line with glpat-****").doesNotContain(marker + " debug line")
                .doesNotContain("Zz9yXx8w");
    }
}
