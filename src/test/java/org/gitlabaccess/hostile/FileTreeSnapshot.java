package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Everything a hostile-machine case promises to leave alone, taken before a run and compared after:
 * for every path under a root, its kind, bytes (digest), mode, owner and group, and a link's target.
 * Links are recorded, never followed, so a run that replaced a symbolic link by a file is seen.
 */
public final class FileTreeSnapshot {
    private final Path root;
    private final Map<String, String> entries;

    private FileTreeSnapshot(Path root, Map<String, String> entries) {
        this.root = root;
        this.entries = entries;
    }

    /** Takes a snapshot of every path under the root (the root included). */
    public static FileTreeSnapshot of(Path root) {
        return of(root, p -> true);
    }

    /** Takes a snapshot of the paths under the root that the filter keeps (relative paths are offered). */
    public static FileTreeSnapshot of(Path root, Predicate<Path> keep) {
        Map<String, String> entries = new TreeMap<>();
        try {
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                return new FileTreeSnapshot(root, entries);
            }
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Path rel = root.relativize(dir);
                    if (!rel.toString().isEmpty() && !keep.test(rel)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    entries.put(rel.toString(), describe(dir));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Path rel = root.relativize(file);
                    if (keep.test(rel)) {
                        entries.put(rel.toString(), describe(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    entries.put(root.relativize(file).toString(), "unreadable " + exc.getClass().getSimpleName());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FileTreeSnapshot(root, entries);
    }

    /** Asserts that nothing under the root changed since this snapshot: no byte, mode, owner or link. */
    public void assertUnchanged() {
        assertUnchangedExcept(p -> false);
    }

    /** As {@link #assertUnchanged()}, ignoring relative paths the filter names (a log the run may write). */
    public void assertUnchangedExcept(Predicate<String> ignored) {
        FileTreeSnapshot now = of(root);
        Map<String, String> before = new TreeMap<>(entries);
        Map<String, String> after = new TreeMap<>(now.entries);
        before.keySet().removeIf(ignored);
        after.keySet().removeIf(ignored);
        assertThat(after).as("files under %s after the run", root).isEqualTo(before);
    }

    /** The recorded description of one relative path, or null. */
    public String entry(String relative) {
        return entries.get(relative);
    }

    static String describe(Path p) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = a.owner().getName() + ":" + a.group().getName();
        String mode = PosixFilePermissions.toString(a.permissions());
        if (a.isSymbolicLink()) {
            return "link " + Files.readSymbolicLink(p) + " " + owner;
        }
        if (a.isDirectory()) {
            return "dir " + mode + " " + owner;
        }
        if (a.isRegularFile()) {
            return "file " + mode + " " + owner + " " + a.size() + " " + sha256(p);
        }
        return "other " + mode + " " + owner;
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
