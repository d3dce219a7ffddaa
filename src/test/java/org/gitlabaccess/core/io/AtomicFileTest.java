package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;
    private final AtomicFile atomic = new AtomicFile();

    @Test
    void newFilesGetTheAskedPermissionsFromTheStart() throws IOException {
        Path f = dir.resolve("secret.txt");
        var result = atomic.write(f, "x", AtomicFile.Options.ownerOnly());
        assertThat(result.created()).isTrue();
        assertThat(Files.readString(f)).isEqualTo("x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
        assertThat(AtomicFile.lockFileOf(f)).doesNotExist();
    }

    @Test
    void existingFilesKeepTheirPermissions() throws IOException {
        Path f = dir.resolve("config");
        Files.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        atomic.write(f, "new", AtomicFile.Options.ownerOnly());
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    }

    @Test
    void aHeldGitLockMeansBusyAndNothingChanges() throws IOException {
        Path f = dir.resolve("config");
        Files.writeString(f, "original");
        Files.writeString(dir.resolve("config.lock"), "git is writing");
        assertThatThrownBy(() -> atomic.write(f, "mine", AtomicFile.Options.defaults()))
                .isInstanceOf(FileBusyException.class).hasMessageContaining("config.lock");
        assertThat(Files.readString(f)).isEqualTo("original");
        assertThat(Files.readString(dir.resolve("config.lock"))).isEqualTo("git is writing");
    }

    @Test
    void backupKeepsTheOldContentWithItsPermissions() throws IOException {
        Path f = dir.resolve("ssh_config");
        Files.writeString(f, "Host old\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        var result = atomic.write(f, "Host new\n", AtomicFile.Options.defaults().withBackup());
        assertThat(result.backup()).isPresent();
        assertThat(Files.readString(result.backup().get())).isEqualTo("Host old\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(result.backup().get())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(f)).isEqualTo("Host new\n");
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("gitconfig");
        Files.writeString(real, "[user]\n");
        Path link = Files.createSymbolicLink(dir.resolve(".gitconfig"), real);
        atomic.write(link, "[user]\n\tname = A\n", AtomicFile.Options.defaults());
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("[user]\n\tname = A\n");
    }

    @Test
    void aFailedWriteLeavesTheFileAndNoLockBehind() throws IOException {
        Path f = dir.resolve("file");
        Files.writeString(f, "keep me");
        Path sub = Files.createDirectories(dir.resolve("ro"));
        Path inReadOnly = sub.resolve("x");
        Files.writeString(inReadOnly, "ro");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("r-x------"));
        try {
            if (!"root".equals(System.getProperty("user.name"))) {
                assertThatThrownBy(() -> atomic.write(inReadOnly, "y", AtomicFile.Options.defaults()))
                        .isInstanceOf(IOException.class);
                assertThat(Files.readString(inReadOnly)).isEqualTo("ro");
                assertThat(AtomicFile.lockFileOf(inReadOnly)).doesNotExist();
            }
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwx------"));
        }
        assertThat(Files.readString(f)).isEqualTo("keep me");
    }
}
