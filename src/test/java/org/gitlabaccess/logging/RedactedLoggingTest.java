package org.gitlabaccess.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class RedactedLoggingTest {
    @Test
    void noLogLineCanCarryASecretNotEvenInAStackTrace() throws Exception {
        Logger log = LoggerFactory.getLogger("redaction-check");
        String marker = "marker-" + System.nanoTime();
        log.warn("{} remote https://alice:hunter2-secret@gitlab.example.com/g/p.git token glpat-Zz9yXx8wVv7uTt6sSr5q",
                marker, new IllegalStateException("header PRIVATE-TOKEN: glpat-Qq1wWe2rRt3yYu4iIo5p"));
        Path file = Path.of(System.getProperty("gitlab-access.log.dir"), "gitlab-access.log");
        String text = Files.readString(file);
        assertThat(text).contains(marker).contains("https://alice:****@gitlab.example.com").contains("glpat-****")
                .contains("IllegalStateException");
        assertThat(text).doesNotContain("hunter2-secret").doesNotContain("Zz9yXx8w").doesNotContain("Qq1wWe2r");
    }
}
