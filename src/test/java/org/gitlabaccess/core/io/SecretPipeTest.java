package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SecretPipeTest {
    private final Environment env = new Environment(Map.of("PATH", System.getenv("PATH")), new Properties());

    private String read(String pipe) throws Exception {
        Process p = ChildProcesses.withoutInput(env, List.of("sh", "-c", pipe), Map.of()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    @Timeout(20)
    void answersEveryReaderUntilClosedThenLeavesNothing() throws Exception {
        assumeTrue(!env.isWindows());
        Path dir;
        try (SecretPipe pipe = SecretPipe.open(env, "password=x\n".getBytes(StandardCharsets.UTF_8))) {
            dir = pipe.directory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            assertThat(Files.isRegularFile(pipe.path())).isFalse();
            for (int i = 0; i < 10; i++) {
                assertThat(read(pipe.readCommand())).as("reader %d", i).isEqualTo("password=x\n");
            }
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    @Timeout(20)
    void closingWithoutAReaderDoesNotHang() throws Exception {
        assumeTrue(!env.isWindows());
        SecretPipe pipe = SecretPipe.open(env, new byte[] {1});
        pipe.close();
        assertThat(pipe.directory()).doesNotExist();
    }
}
