package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;
    private final AtomicFile atomic = new AtomicFile();

    @Test
    void aBatchWriterReplacesEachFileUnderItsLockAndFlushesTheRenamesAtTheEnd() throws IOException {
        AtomicFile batch = AtomicFile.deferringDirectorySyncs();
        Path a = dir.resolve("a/config");
        Path b = dir.resolve("b/config");
        Files.createDirectories(a.getParent());
        Files.createDirectories(b.getParent());
        Files.writeString(a, "old a");

        batch.updateText(a, old -> old.replace("old", "new"), AtomicFile.Options.defaults());
        batch.write(b, "new b", AtomicFile.Options.defaults());
        batch.syncDirectories();

        assertThat(Files.readString(a)).isEqualTo("new a");
        assertThat(Files.readString(b)).isEqualTo("new b");
        assertThat(AtomicFile.isLocked(a)).isFalse();
        assertThat(AtomicFile.isLocked(b)).isFalse();
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aFifoOrADeviceIsNeverEditedAndNoLockIsLeft() throws Exception {
        Path fifo = dir.resolve("known_hosts");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Path device = dir.resolve("config");
        Files.createSymbolicLink(device, Path.of("/dev/zero"));
        for (Path p : new Path[] {fifo, device}) {
            assertThatThrownBy(() -> new AtomicFile().updateText(p, t -> t + "line\n", AtomicFile.Options.defaults()))
                    .isInstanceOf(BoundedFiles.RefusedFileException.class).hasMessageContaining("not-a-regular-file");
            assertThat(AtomicFile.lockFileOf(AtomicFile.resolveLinks(p))).doesNotExist();
        }
        assertThat(Files.isSymbolicLink(device)).isTrue();
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther()).isTrue();
    }

    @Test
    void withoutFollowingLinksAPlantedLinkIsReplacedNeverReadNorCopied() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "keep");
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path report = dir.resolve("report.md");
        Files.createSymbolicLink(report, victim);
        Path dangling = dir.resolve("dangling.md");
        Files.createSymbolicLink(dangling, dir.resolve("nowhere"));
        AtomicFile.Options options = AtomicFile.Options.ownerOnly().withoutFollowingLinks();

        new AtomicFile().write(report, "report", options);
        new AtomicFile().write(dangling, "report", options);

        assertThat(Files.readString(victim)).isEqualTo("keep");
        for (Path p : new Path[] {report, dangling}) {
            assertThat(Files.isSymbolicLink(p)).isFalse();
            assertThat(Files.readString(p)).isEqualTo("report");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
        }
        assertThat(dir.resolve("nowhere")).doesNotExist();
    }

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

    @Test
    void anUpdateReadsAndWritesUnderTheLockSoGitCannotWriteInBetween() throws Exception {
        assumeTrue(Processes.available("git"));
        Path f = dir.resolve("config");
        Files.writeString(f, "[a]\n\tb = 1\n");
        Processes.Result[] git = new Processes.Result[1];
        atomic.update(f, current -> {
            // A concurrent git while we hold the lock: it must be refused, not silently overwritten by us.
            git[0] = Processes.run(dir, Map.of("HOME", dir.toString()), "git", "config", "--file", f.toString(),
                    "--add", "a.c", "2");
            return (new String(current.orElseThrow(), StandardCharsets.UTF_8) + "\tmine = 3\n")
                    .getBytes(StandardCharsets.UTF_8);
        }, AtomicFile.Options.defaults());

        assertThat(git[0].exitCode()).isNotZero();
        assertThat(git[0].stderr()).contains("lock");
        assertThat(Files.readString(f)).isEqualTo("[a]\n\tb = 1\n\tmine = 3\n");
    }

    @Test
    void aChainOfRelativeLinksIsFollowedEachFromItsOwnDirectoryAndKept() throws IOException {
        Path real = Files.createDirectories(dir.resolve("store/real")).resolve("gitconfig");
        Files.writeString(real, "old");
        Path middle = Files.createSymbolicLink(dir.resolve("store/current"), Path.of("real/gitconfig"));
        Path link = Files.createSymbolicLink(dir.resolve(".gitconfig"), Path.of("store/current"));

        var result = atomic.update(link, current -> "new".getBytes(StandardCharsets.UTF_8), AtomicFile.Options.defaults());

        assertThat(result.file().toRealPath()).isEqualTo(real.toRealPath());
        assertThat(Files.readString(real)).isEqualTo("new");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("store/current"));
        assertThat(Files.readSymbolicLink(middle)).isEqualTo(Path.of("real/gitconfig"));
    }

    @Test
    void aDanglingLinkIsFollowedAndItsTargetCreatedAsGitDoes() throws IOException {
        Files.createDirectories(dir.resolve("dotfiles"));
        Path link = Files.createSymbolicLink(dir.resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));

        var result = atomic.write(link, "[user]\n", AtomicFile.Options.defaults());

        assertThat(result.created()).isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("dotfiles/gitconfig"))).isEqualTo("[user]\n");
    }

    @Test
    void anUnchangedContentIsNotRewritten() throws IOException {
        Path f = dir.resolve("config");
        Files.writeString(f, "same");
        Object inode = Files.getAttribute(f, "unix:ino");

        var result = atomic.update(f, current -> current.orElseThrow(), AtomicFile.Options.defaults());

        assertThat(result.changed()).isFalse();
        assertThat(Files.getAttribute(f, "unix:ino")).isEqualTo(inode);
        assertThat(AtomicFile.lockFileOf(f)).doesNotExist();
    }

    @Test
    void aFailingEditLeavesTheFileAndNoLock() throws IOException {
        Path f = dir.resolve("config");
        Files.writeString(f, "keep");

        assertThatThrownBy(() -> atomic.update(f, current -> {
            throw new IOException("cannot compute");
        }, AtomicFile.Options.defaults())).hasMessage("cannot compute");

        assertThat(Files.readString(f)).isEqualTo("keep");
        assertThat(AtomicFile.lockFileOf(f)).doesNotExist();
    }

    @Test
    void createNewNeverReplacesAnExistingFile() throws IOException {
        Path key = dir.resolve("id_ed25519");
        Files.writeString(key, "the user's key");

        assertThatThrownBy(() -> atomic.createNew(key, "new".getBytes(StandardCharsets.UTF_8),
                FilePermissions.OWNER_ONLY_FILE)).isInstanceOf(FileAlreadyExistsException.class);

        assertThat(Files.readString(key)).isEqualTo("the user's key");
        assertThat(AtomicFile.lockFileOf(key)).doesNotExist();
    }

    @Test
    void asRootAnotherUsersFileStaysTheirsAndANewFileGetsItsDirectorysOwner() throws IOException {
        assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")), "needs root");
        var lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
        Path userDir = Files.createDirectories(dir.resolve("home"));
        Files.setOwner(userDir, nobody);
        Path existing = Files.writeString(userDir.resolve(".gitconfig"), "old");
        Files.setOwner(existing, nobody);
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-r-----"));

        atomic.write(existing, "new", AtomicFile.Options.defaults());
        atomic.write(userDir.resolve("new"), "x", AtomicFile.Options.ownerOnly());

        assertThat(Files.getOwner(existing)).isEqualTo(nobody);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(existing))).isEqualTo("rw-r-----");
        assertThat(Files.getOwner(userDir.resolve("new"))).isEqualTo(nobody);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(userDir.resolve("new"))))
                .isEqualTo("rw-------");
    }
}
