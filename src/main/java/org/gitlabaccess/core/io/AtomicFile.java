package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces a file's content atomically, the way git does: the new content is written to
 * {@code <file>.lock} (created exclusively, so git and a second run of this tool see the file as busy),
 * flushed to disk, then renamed over the file. Readers see the old or the new file, never half of one.
 *
 * <p>The file keeps its permissions; a new file gets the permissions asked for. A symbolic link
 * (dotfiles managed with stow, say) stays a link: the file it points to is replaced.
 */
public final class AtomicFile {
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    public AtomicFile(Clock clock) {
        this.clock = clock;
    }

    public AtomicFile() {
        this(Clock.systemUTC());
    }

    /** How to write. */
    public record Options(Set<PosixFilePermission> permissionsForNewFile, boolean backup, boolean holdsSecret) {
        public static Options defaults() {
            return new Options(FilePermissions.DEFAULT_FILE, false, false);
        }

        public static Options ownerOnly() {
            return new Options(FilePermissions.OWNER_ONLY_FILE, false, false);
        }

        /** For a file holding a secret: owner-only even when it existed with wider permissions; never backed up. */
        public static Options forSecret() {
            return new Options(FilePermissions.OWNER_ONLY_FILE, false, true);
        }

        public Options withBackup() {
            if (holdsSecret) {
                throw new IllegalStateException("Secrets are never backed up");
            }
            return new Options(permissionsForNewFile, true, false);
        }
    }

    /** What a write did. */
    public record Result(Path file, boolean created, Optional<Path> backup) {
    }

    public Result write(Path file, String content, Options options) throws IOException {
        return write(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), options);
    }

    public Result write(Path file, byte[] content, Options options) throws IOException {
        Path target = resolveLinks(file);
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean exists = Files.exists(target);
        Set<PosixFilePermission> perms = exists && !options.holdsSecret()
                ? FilePermissions.of(target).orElse(null)
                : options.permissionsForNewFile();
        Path lock = lockFileOf(target);
        // Created before the try: a lock held by someone else must never be deleted by us.
        FileChannel channel = createLock(lock, target, perms);
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(lock);
            throw e;
        }
        Optional<Path> backup = Optional.empty();
        try {
            if (exists && options.backup()) {
                backup = Optional.of(backup(target, perms));
            }
            move(lock, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(lock);
            throw e;
        }
        syncDirectory(dir);
        return new Result(target, !exists, backup);
    }

    /** The lock file git would use for this file. */
    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** True when git (or another writer) holds the file's lock right now. */
    public static boolean isLocked(Path file) {
        return Files.exists(lockFileOf(file));
    }

    private static FileChannel createLock(Path lock, Path target, Set<PosixFilePermission> perms)
            throws IOException {
        try {
            return FileChannel.open(lock, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    FilePermissions.asAttributes(perms));
        } catch (FileAlreadyExistsException e) {
            throw new FileBusyException(target);
        }
    }

    private Path backup(Path target, Set<PosixFilePermission> perms) throws IOException {
        Path backup = target.resolveSibling(target.getFileName() + ".gitlab-access-"
                + BACKUP_STAMP.format(clock.instant()) + ".bak");
        for (int i = 1; Files.exists(backup); i++) {
            backup = target.resolveSibling(target.getFileName() + ".gitlab-access-"
                    + BACKUP_STAMP.format(clock.instant()) + "-" + i + ".bak");
        }
        try (FileChannel out = FileChannel.open(backup,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), FilePermissions.asAttributes(perms))) {
            out.write(ByteBuffer.wrap(Files.readAllBytes(target)));
            out.force(true);
        }
        return backup;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path resolveLinks(Path file) throws IOException {
        Path current = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops > 40) {
                throw new IOException(file + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            current = current.getParent().resolve(link).normalize();
        }
        return current;
    }

    /** Makes the rename itself durable; best effort where the platform cannot open directories. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot fsync a directory; the rename is still atomic.
        }
    }
}
