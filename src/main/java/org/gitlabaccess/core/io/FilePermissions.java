package org.gitlabaccess.core.io;

import java.io.IOException;
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
     * existing directories are left as they are.
     */
    public static Path createPrivateDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, asAttributes(OWNER_ONLY_DIR));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
        return dir;
    }
}
