package org.gitlabaccess.core.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes a file the way git's lockfile does: {@code <file>.lock} is created exclusively first (so git
 * and a second run of this tool see the file as busy), the current content is read UNDER that lock,
 * the new content is written to the lock, flushed, and renamed over the file. Readers see the old or
 * the new file, never half of one; a failure deletes our lock and leaves the old file as it was.
 *
 * <p>What the file was stays: its permissions (a new file gets the permissions asked for, a secret is
 * owner-only), its owner and group (root editing another user's home leaves the file that user's; a
 * new file gets the owner and group of its directory), and a symbolic link stays a link whose target
 * is edited (relative links resolved from the link's own directory, chains followed; a dangling link
 * is followed too and its target created, as git does). Where the process may not change the owner
 * (not root), the file ends up the writer's, as with git.
 */
public final class AtomicFile {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFile.class);
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_LINKS = 40;
    /** A lock held by a concurrent writer is usually gone within milliseconds; a stale one is reported. */
    private static final int LOCK_ATTEMPTS = 10;
    private static final long LOCK_PAUSE_MILLIS = 50;

    /** The largest file edited in memory (a known_hosts of a large fleet stays far below). */
    static final long EDIT_LIMIT = 64L << 20;

    private final Clock clock;
    /** Directories whose renames are not yet flushed; null when each rename is flushed at once. */
    private final Set<Path> unsyncedDirectories;

    private AtomicFile(Clock clock, Set<Path> unsyncedDirectories) {
        this.clock = clock;
        this.unsyncedDirectories = unsyncedDirectories;
    }

    public AtomicFile(Clock clock) {
        this(clock, null);
    }

    public AtomicFile() {
        this(Clock.systemUTC());
    }

    /**
     * For a batch of files whose every change is journaled first (a remote rewrite): the renames are
     * made durable together by {@link #syncDirectories()} instead of one directory flush per file.
     * A crash before that may leave a file's old content (never half of either), which the journal's
     * planned lines already cover: a re-run makes the change again, an undo finds nothing to undo.
     */
    public static AtomicFile deferringDirectorySyncs() {
        return new AtomicFile(Clock.systemUTC(), new LinkedHashSet<>());
    }

    /** Makes every rename since the last call durable (nothing to do when renames are flushed at once). */
    public synchronized void syncDirectories() {
        if (unsyncedDirectories != null) {
            unsyncedDirectories.forEach(AtomicFile::syncDirectory);
            unsyncedDirectories.clear();
        }
    }

    private synchronized void renamedIn(Path dir) {
        if (unsyncedDirectories != null) {
            unsyncedDirectories.add(dir);
        } else {
            syncDirectory(dir);
        }
    }

    /**
     * How to write.
     *
     * @param followLinks false for a file the product owns (a report): a link at the name is replaced, not followed
     */
    public record Options(Set<PosixFilePermission> permissionsForNewFile, boolean backup, boolean holdsSecret,
                          boolean followLinks) {
        public static Options defaults() {
            return new Options(FilePermissions.DEFAULT_FILE, false, false, true);
        }

        public static Options ownerOnly() {
            return new Options(FilePermissions.OWNER_ONLY_FILE, false, false, true);
        }

        /** For a file holding a secret: owner-only even when it existed with wider permissions; never backed up. */
        public static Options forSecret() {
            return new Options(FilePermissions.OWNER_ONLY_FILE, false, true, true);
        }

        public Options withBackup() {
            if (holdsSecret) {
                throw new IllegalStateException("Secrets are never backed up");
            }
            return new Options(permissionsForNewFile, true, false, followLinks);
        }

        public Options withoutFollowingLinks() {
            return new Options(permissionsForNewFile, backup, holdsSecret, false);
        }
    }

    /** Computes the new content from the current one (empty: no file yet); null means "leave it as it is". */
    @FunctionalInterface
    public interface Edit {
        byte[] apply(Optional<byte[]> current) throws IOException;
    }

    /** What a write did; {@code file} is the real file written (a link's target). */
    public record Result(Path file, boolean created, boolean changed, Optional<Path> backup) {
    }

    public Result write(Path file, String content, Options options) throws IOException {
        return write(file, content.getBytes(StandardCharsets.UTF_8), options);
    }

    public Result write(Path file, byte[] content, Options options) throws IOException {
        return replace(file, current -> content, options, true);
    }

    /**
     * Read-modify-write under the lock: takes {@code <file>.lock}, reads the file, computes the new
     * content with {@code edit}, and renames the lock over the file. Nobody can change the file between
     * the read and the rename without this run seeing the lock (or git seeing ours).
     */
    public Result update(Path file, Edit edit, Options options) throws IOException {
        return replace(file, edit, options, false);
    }

    /** Like {@link #update} for a text file in UTF-8. */
    public Result updateText(Path file, UnaryOperator<String> edit, Options options)
            throws IOException {
        return update(file, current -> {
            String before = current.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            String after = edit.apply(before);
            return after == null ? null : after.getBytes(StandardCharsets.UTF_8);
        }, options);
    }

    private Result replace(Path file, Edit edit, Options options, boolean writeEvenIfSame) throws IOException {
        Path target = options.followLinks() ? resolveLinks(file) : file.toAbsolutePath();
        Path dir = target.getParent();
        if (target.equals(file.toAbsolutePath())) {
            FileOwnership.createDirectories(dir); // never for a link's target: git does not either
        }
        Path lock = lockFileOf(target);
        // Created before the try: a lock held by someone else must never be deleted by us.
        FileChannel channel = acquire(lock, target);
        try {
            // A link planted where links are not followed is replaced, never read or copied from.
            boolean plantedLink = !options.followLinks() && Files.isSymbolicLink(target);
            Optional<FileOwnership.Attributes> before = plantedLink ? Optional.empty()
                    : FileOwnership.Attributes.of(target);
            // The old bytes only where they matter (an edit, a backup). A FIFO would block the read for
            // good and a device never end it: only a regular file is read.
            boolean needCurrent = !writeEvenIfSame || options.backup();
            Optional<byte[]> current = before.isPresent() && needCurrent
                    ? Optional.of(BoundedFiles.readRegular(target, EDIT_LIMIT)) : Optional.empty();
            byte[] content = edit.apply(current);
            if (content == null || (!writeEvenIfSame && current.isPresent() && Arrays.equals(current.get(), content))) {
                abandon(channel, lock);
                return new Result(target, false, false, Optional.empty());
            }
            try (channel) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Set<PosixFilePermission> perms = before.isPresent() && !options.holdsSecret()
                    ? before.get().permissions() : options.permissionsForNewFile();
            FileOwnership.Attributes wanted = before.isPresent() ? before.get().withPermissions(perms)
                    : FileOwnership.Attributes.forNewFileIn(dir, perms);
            wanted.applyTo(lock);
            Optional<Path> backup = Optional.empty();
            if (current.isPresent() && options.backup()) {
                backup = Optional.of(backup(target, current.get(), wanted));
            }
            move(lock, target);
            renamedIn(dir);
            return new Result(target, before.isEmpty(), true, backup);
        } catch (IOException | RuntimeException | Error e) {
            abandon(channel, lock);
            throw e;
        }
    }

    /**
     * Creates a file that must not exist yet (a private key): written in full to {@code <file>.lock}
     * (owner-only from the first byte), flushed, given its mode and its directory's owner, then linked
     * to its name only if that name is still free. A failure at any point leaves no file and no lock.
     */
    public Path createNew(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path target = file.toAbsolutePath();
        Path lock = lockFileOf(target);
        FileChannel channel = acquire(lock, target);
        try {
            try (channel) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            FileOwnership.Attributes.forNewFileIn(target.getParent(), permissions).applyTo(lock);
            moveExclusively(lock, target);
            renamedIn(target.getParent());
            return target;
        } catch (IOException | RuntimeException | Error e) {
            abandon(channel, lock);
            throw e;
        }
    }

    /** A hard link fails atomically when the name is taken (rename would replace it); then the lock goes. */
    private static void moveExclusively(Path lock, Path target) throws IOException {
        try {
            Files.createLink(target, lock);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException taken) {
                throw taken;
            }
            Files.move(lock, target); // no hard links here: without REPLACE_EXISTING it still refuses a taken name
            return;
        }
        try {
            Files.delete(lock);
        } catch (IOException e) {
            // The file exists complete under its name: that is the answer. The lock left beside it is
            // only a second name of the same bytes, and the next writer says the file is locked.
            LOG.warn("Created {}, but its lock file {} could not be removed: {}", target, lock, e.toString());
        }
    }

    /** The lock file git would use for this file. */
    public static Path lockFileOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    /** True when git (or another writer) holds the file's lock right now (a link's target's lock included). */
    public static boolean isLocked(Path file) {
        if (Files.exists(lockFileOf(file), LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            return Files.exists(lockFileOf(resolveLinks(file)), LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
    }

    /** The file a path names once its symbolic links are followed, each relative link from its own directory. */
    public static Path resolveLinks(Path file) throws IOException {
        Path current = file.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops >= MAX_LINKS) {
                throw new FileSystemException(file.toString(), null, "too many levels of symbolic links");
            }
            // Not normalised: "a/../b" must go through a's real location, as the kernel would.
            current = current.getParent().resolve(Files.readSymbolicLink(current));
        }
        return current;
    }

    /** Created owner-only; the final mode is set once the content is in, so no byte is ever readable wider. */
    private static FileChannel acquire(Path lock, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return FileChannel.open(lock, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        FilePermissions.asAttributes(FilePermissions.OWNER_ONLY_FILE));
            } catch (FileAlreadyExistsException e) {
                if (attempt >= LOCK_ATTEMPTS) {
                    throw new FileBusyException(target);
                }
                pause();
            }
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(LOCK_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a lock");
        }
    }

    private Path backup(Path target, byte[] content, FileOwnership.Attributes attributes) throws IOException {
        Path backup = target.resolveSibling(target.getFileName() + ".gitlab-access-"
                + BACKUP_STAMP.format(clock.instant()) + ".bak");
        for (int i = 1; Files.exists(backup, LinkOption.NOFOLLOW_LINKS); i++) {
            backup = target.resolveSibling(target.getFileName() + ".gitlab-access-"
                    + BACKUP_STAMP.format(clock.instant()) + "-" + i + ".bak");
        }
        try (FileChannel out = FileChannel.open(backup, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                FilePermissions.asAttributes(FilePermissions.OWNER_ONLY_FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(backup);
            throw e;
        }
        attributes.applyTo(backup);
        return backup;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename itself durable; best effort where the platform cannot open directories. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems cannot fsync a directory; the rename is still atomic.
        }
    }

    /** Gives the lock up: nothing was written to the target, and no lock file stays behind. */
    private static void abandon(FileChannel channel, Path lock) throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(lock);
        }
    }
}
