package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one {@code stat} tells the walk about a directory: its link count (2 plus its number of
 * subdirectories where the file system keeps that convention), whether everyone may list it, and its
 * device (a new device is a mount point, whose file system is judged anew). The JDK gives the link
 * count only through the {@code unix:} attribute view; where there is none (Windows) it is unknown.
 *
 * @param links the link count; 0 when unknown
 * @param openToAll read and search permission for owner, group and others: the walk can enter it
 *                  without asking the OS (the common 0755); anything stricter is checked
 * @param device the file system's device number; -1 when unknown
 */
record DirectoryStat(long links, boolean openToAll, long device) {
    private static final int S_IFMT = 0170000;
    private static final int S_IFDIR = 0040000;
    private static final int READ_AND_SEARCH_FOR_ALL = 0555;
    private static final String ATTRIBUTES = "unix:mode,nlink,dev";

    /** The entry as a directory (not a link to one); null for anything else. */
    static DirectoryStat ofEntry(Path entry) throws IOException {
        try {
            return of(Files.readAttributes(entry, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? new DirectoryStat(0, false, -1) : null;
        }
    }

    /** A root, following links (a root given as a link is fine). */
    static DirectoryStat ofRoot(Path dir) {
        try {
            DirectoryStat stat = of(Files.readAttributes(dir, ATTRIBUTES));
            return stat != null ? stat : new DirectoryStat(0, false, -1);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return new DirectoryStat(0, false, -1);
        }
    }

    private static DirectoryStat of(Map<String, Object> a) {
        int mode = (Integer) a.get("mode");
        if ((mode & S_IFMT) != S_IFDIR) {
            return null;
        }
        return new DirectoryStat(((Integer) a.get("nlink")).longValue(),
                (mode & READ_AND_SEARCH_FOR_ALL) == READ_AND_SEARCH_FOR_ALL, ((Number) a.get("dev")).longValue());
    }
}
