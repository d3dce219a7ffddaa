package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.List;

/**
 * What a scan found, sorted by path, and what it could not look into. A directory that vanished
 * while the scan ran is no problem and is only counted.
 */
public record ScanResult(List<FoundRepository> repositories, long directories, List<Skipped> skipped,
                         long vanished, boolean cancelled) {

    /** A directory the scan could not enter, and why. */
    public record Skipped(Path path, Reason reason) {
    }

    /** Why a directory was not entered. */
    public enum Reason {
        UNREADABLE, PATH_TOO_LONG, ERROR
    }

    public long unreadable() {
        return skipped.size();
    }
}
