package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Regular files of bounded size only; a FIFO is refused without being opened (else the test would hang). */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRegularFileWithinTheLimitIsReadAndALinkToOneFollowed() throws Exception {
        Path file = Files.writeString(dir.resolve("config"), "[core]\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        assertThat(new String(BoundedFiles.readRegular(link, 100))).isEqualTo("[core]\n");
        assertThat(BoundedFiles.readIfPresent(dir.resolve("absent"), 100)).isEmpty();
        assertThatThrownBy(() -> BoundedFiles.readRegular(dir.resolve("absent"), 100))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFifoIsRefusedWithoutBeingOpened() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThatThrownBy(() -> BoundedFiles.readRegular(fifo, 100))
                .isInstanceOfSatisfying(BoundedFiles.RefusedFileException.class,
                        e -> assertThat(e.refusal()).isEqualTo(BoundedFiles.Refusal.NOT_A_REGULAR_FILE));
        assertThat(BoundedFiles.refusals(List.of(fifo, dir.resolve("absent")), 100))
                .extracting(BoundedFiles.RefusedFileException::describe).containsExactly(fifo + " (not-a-regular-file)");
    }

    @Test
    void aLinkToADeviceIsFollowedAndRefused() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path link = Files.createSymbolicLink(dir.resolve("zero"), Path.of("/dev/zero"));
        assertThatThrownBy(() -> BoundedFiles.readRegular(link, 100))
                .isInstanceOfSatisfying(BoundedFiles.RefusedFileException.class,
                        e -> assertThat(e.refusal()).isEqualTo(BoundedFiles.Refusal.NOT_A_REGULAR_FILE));
    }

    @Test
    void aFileOverTheLimitIsRefusedAsTooLarge() throws Exception {
        Path file = Files.write(dir.resolve("big"), new byte[101]);
        assertThatThrownBy(() -> BoundedFiles.readRegular(file, 100))
                .isInstanceOfSatisfying(BoundedFiles.RefusedFileException.class,
                        e -> assertThat(e.refusal().id()).isEqualTo("too-large"));
        assertThat(BoundedFiles.readRegular(file, 101)).hasSize(101);
    }

    @Test
    void gitConfigGlobalIsTheOneGlobalFileWhereItIsSet() throws Exception {
        Path fifo = dir.resolve("global-fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Environment plain = new Environment(java.util.Map.of("HOME", dir.toString()), new java.util.Properties());
        Environment overridden = new Environment(java.util.Map.of("HOME", dir.toString(),
                "GIT_CONFIG_GLOBAL", fifo.toString()), new java.util.Properties());
        assertThat(GitGlobalFiles.refused(plain)).isEmpty();
        assertThat(GitGlobalFiles.of(overridden)).containsExactly(fifo);
        assertThat(GitGlobalFiles.refused(overridden)).hasValueSatisfying(r -> assertThat(r.file()).isEqualTo(fifo));
    }
}
