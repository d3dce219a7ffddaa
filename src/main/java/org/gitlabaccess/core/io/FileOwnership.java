package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns a file and what mode it has, carried from an old file to its replacement. A helpdesk
 * running as root in another user's home must leave that user's files that user's: the replacement
 * is given the old file's owner and group before it is renamed into place, and a new file (or
 * directory) the owner and group of the directory it is created in. Changing the owner needs root;
 * without it the replacement stays the writer's, as with git, which never changes owners.
 */
final class FileOwnership {
    private FileOwnership() {
    }

    /** Mode, owner and group of one file; owner and group are absent where the file system has none. */
    record Attributes(Set<PosixFilePermission> permissions, UserPrincipal owner, GroupPrincipal group) {
        /** The file's own attributes (a link is not followed), or empty when there is no such file. */
        static Optional<Attributes> of(Path file) throws IOException {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            if (!FilePermissions.isPosix()) {
                return Optional.of(new Attributes(null, null, null));
            }
            try {
                PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                return Optional.of(new Attributes(a.permissions(), a.owner(), a.group()));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        /** A new file in {@code dir}: the asked permissions, the directory's owner and group. */
        static Attributes forNewFileIn(Path dir, Set<PosixFilePermission> permissions) throws IOException {
            Optional<Attributes> parent = of(dir);
            return new Attributes(permissions, parent.map(Attributes::owner).orElse(null),
                    parent.map(Attributes::group).orElse(null));
        }

        Attributes withPermissions(Set<PosixFilePermission> perms) {
            return new Attributes(perms, owner, group);
        }

        /** Owner and group first (changing them may clear mode bits), then the mode. */
        void applyTo(Path file) throws IOException {
            if (!FilePermissions.isPosix()) {
                return;
            }
            var view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes now = view.readAttributes();
            if (owner != null && !owner.equals(now.owner())) {
                tryChown(() -> view.setOwner(owner));
            }
            if (group != null && !group.equals(now.group())) {
                tryChown(() -> view.setGroup(group));
            }
            if (permissions != null) {
                view.setPermissions(permissions);
            }
        }
    }

    /**
     * Creates the missing directories of a path, each owned like its parent (see the class comment);
     * existing directories are left as they are.
     */
    static void createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            if (Files.isDirectory(absolute)) {
                return;
            }
            throw e;
        }
        if (parent != null) {
            Optional<Attributes> parentAttributes = Attributes.of(parent);
            if (parentAttributes.isPresent()) {
                new Attributes(null, parentAttributes.get().owner(), parentAttributes.get().group()).applyTo(absolute);
            }
        }
    }

    private interface Chown {
        void run() throws IOException;
    }

    private static void tryChown(Chown chown) throws IOException {
        try {
            chown.run();
        } catch (FileSystemException e) {
            // Not permitted (not root): the writer keeps it, as git would. Anything else is a real failure.
            if (!isNotPermitted(e)) {
                throw e;
            }
        }
    }

    private static boolean isNotPermitted(FileSystemException e) {
        String reason = String.valueOf(e.getReason()) + " " + e.getMessage();
        return e instanceof AccessDeniedException || reason.contains("Operation not permitted");
    }
}
