package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** POSIX permissions where the file system has them; a no-op elsewhere. */
public final class FilePermissions {
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> DEFAULT_FILE = PosixFilePermissions.fromString("rw-r--r--");

    private FilePermissions() {
    }

    public static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Attributes that create a file with these permissions from the start (never chmod after writing). */
    public static FileAttribute<?>[] asAttributes(Set<PosixFilePermission> perms) {
        if (!isPosix() || perms == null) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)};
    }

    public static Optional<Set<PosixFilePermission>> of(Path file) throws IOException {
        if (!isPosix() || !Files.exists(file)) {
            return Optional.empty();
        }
        var view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return Optional.of(view.readAttributes().permissions());
    }

    /**
     * Creates a directory (and parents) with owner-only permissions where it does not exist yet;
     * existing directories are left as they are. New directories get the owner and group of their parent.
     */
    public static Path createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            FileOwnership.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, asAttributes(OWNER_ONLY_DIR));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
            return dir;
        }
        if (parent != null) {
            // Root creating ~/.ssh for another user: the directory is that user's, like its parent.
            FileOwnership.Attributes.forNewFileIn(parent, null).applyTo(dir);
        }
        return dir;
    }

    /**
     * An owner-only directory for the product's own reports and logs: created so where missing, and
     * tightened to owner-only where it exists wider and belongs to the writer. A link is left alone.
     */
    public static Path privateDirectory(Path dir) throws IOException {
        createPrivateDirectories(dir);
        if (isPosix() && !Files.isSymbolicLink(dir)
                && !Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY_DIR)) {
            try {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            } catch (FileSystemException e) {
                // Not the writer's directory: nothing this run may change.
            }
        }
        return dir;
    }

    /**
     * Makes sure a log file can be appended to without following a link: created owner-only where
     * missing (exclusively, so a link planted there makes it fail), an existing regular file made
     * owner-only, anything else (a link, a FIFO) refused.
     */
    public static Path privateFileForAppend(Path file) throws IOException {
        try {
            Files.createFile(file, asAttributes(OWNER_ONLY_FILE));
            return file;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileSystemException(file.toString(), null,
                        "not a regular file (a symbolic link?); not written through");
            }
        }
        if (isPosix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        }
        return file;
    }
}
