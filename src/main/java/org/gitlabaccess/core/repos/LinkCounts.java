package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * One {@code lstat} per entry that tells "directory?" and its link count (the JDK gives the count
 * only through the {@code unix:} attribute view). A link count below 2 means the file system does
 * not keep it (btrfs, some network file systems); the walk then stats every entry.
 */
final class LinkCounts {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;

    private LinkCounts() {
    }

    /** The link count of a directory (not a link to one); -1 for anything else; 0 for a directory whose count is unknown. */
    static long ofDirectory(Path entry) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(entry, "unix:mode,nlink", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            return (mode & S_IFMT) == S_IFDIR ? ((Integer) a.get("nlink")).longValue() : -1;
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // No unix view (Windows): no link counts to trust.
            return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? 0 : -1;
        }
    }

    /** The link count of a directory, following links (a root given as a link is fine). */
    static long of(Path dir) {
        try {
            return ((Integer) Files.getAttribute(dir, "unix:nlink")).longValue();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }
}
