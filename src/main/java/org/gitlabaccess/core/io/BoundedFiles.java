package org.gitlabaccess.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a file that someone else controls (a scanned repository's {@code config}, a dotfile in the
 * home, a site configuration) only when it is a regular file of bounded size. A FIFO is never
 * opened (opening one for reading blocks until a writer comes), a link to a device is followed and
 * refused, and a file that grows past the limit while it is read is refused too.
 *
 * <p>Limits: {@link #GIT_CONFIG_LIMIT} for git configuration files (branch sections pile up in long-lived
 * clones), {@link #CONFIG_LIMIT} for the other configuration and credential files, {@link #POINTER_LIMIT}
 * for one-line files such as {@code HEAD}, a {@code .git} file or {@code commondir}.
 *
 * <p>Not closed: a regular file swapped for a FIFO between the check and the open still blocks the
 * open; the JDK offers no {@code O_NONBLOCK} open. The window is one system call wide.
 */
public final class BoundedFiles {
    public static final long GIT_CONFIG_LIMIT = 4L << 20;
    public static final long CONFIG_LIMIT = 1L << 20;
    public static final long POINTER_LIMIT = 4096;

    private BoundedFiles() {
    }

    /** Why a file was refused; {@link #id()} is the stable name used in reports. */
    public enum Refusal {
        NOT_A_REGULAR_FILE, TOO_LARGE;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A file that is there but was not read, and why. */
    public static final class RefusedFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final Refusal refusal;
        private final long limit;

        RefusedFileException(Path file, Refusal refusal, long limit) {
            super(file + ": " + refusal.id());
            this.file = file;
            this.refusal = refusal;
            this.limit = limit;
        }

        public Path file() {
            return file;
        }

        public Refusal refusal() {
            return refusal;
        }

        public long limit() {
            return limit;
        }

        /** {@code PATH (not-a-regular-file)}: how reports name it. */
        public String describe() {
            return file + " (" + refusal.id() + ")";
        }
    }

    /**
     * The file's bytes. Symbolic links are followed (a dotfile linked into a dotfiles repository is
     * normal); what they lead to must be a regular file.
     *
     * @throws NoSuchFileException when nothing is there
     * @throws RefusedFileException when it is not a regular file or larger than {@code max} bytes
     */
    public static byte[] readRegular(Path file, long max) throws IOException {
        check(file, max);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw new RefusedFileException(file, Refusal.TOO_LARGE, max); // it grew since the check
            }
            return bytes;
        }
    }

    /** The file's bytes, or empty when there is no file (a dangling link included). */
    public static Optional<byte[]> readIfPresent(Path file, long max) throws IOException {
        try {
            return Optional.of(readRegular(file, max));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks without opening that the file is regular and small enough: the guard before handing the
     * path to a library that reads it itself (JGit's {@code FileBasedConfig.load()}).
     *
     * @throws NoSuchFileException when nothing is there
     */
    public static void check(Path file, long max) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new RefusedFileException(file, Refusal.NOT_A_REGULAR_FILE, max);
        }
        if (attributes.size() > max) {
            throw new RefusedFileException(file, Refusal.TOO_LARGE, max);
        }
    }

    /** The refused files as one list for a report: {@code a (too-large); b (not-a-regular-file)}. */
    public static String describe(List<RefusedFileException> refused) {
        return String.join("; ", refused.stream().map(RefusedFileException::describe).toList());
    }

    /** The files among these that are there but would be refused: what a reader skips, for its report. */
    public static List<RefusedFileException> refusals(List<Path> files, long max) {
        return files.stream().map(f -> refusal(f, max)).flatMap(Optional::stream).toList();
    }

    /** The refusal for this file, if it is there and would be refused; no exception for a missing or unreadable file. */
    public static Optional<RefusedFileException> refusal(Path file, long max) {
        try {
            check(file, max);
            return Optional.empty();
        } catch (RefusedFileException e) {
            return Optional.of(e);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
