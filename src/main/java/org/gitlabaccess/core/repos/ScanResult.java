package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * What a scan found, sorted by path, and what it could not look into. A directory that vanished
 * while the scan ran is no problem and is only counted.
 */
public record ScanResult(List<FoundRepository> repositories, long directories, List<Skipped> skipped,
                         long vanished, boolean cancelled) {

    /** A directory the scan could not enter, or a file it would not read, and why. */
    public record Skipped(Path path, Reason reason) {
        /**
         * In path order. A plain lambda: {@code Comparator.comparing}'s is serializable, which the JDK 25
         * AOT cache cannot hold, so each scan would spin its class at run time (several ms, interpreted).
         */
        public static final Comparator<Skipped> BY_PATH = (a, b) -> a.path().compareTo(b.path());

        public static Skipped of(BoundedFiles.RefusedFileException e) {
            return new Skipped(e.file(), e.refusal() == BoundedFiles.Refusal.TOO_LARGE ? Reason.TOO_LARGE
                    : Reason.NOT_A_REGULAR_FILE);
        }
    }

    /** Why a directory was not entered or a file not read; {@link #id()} is the name in reports. */
    public enum Reason implements WireId {
        UNREADABLE, PATH_TOO_LONG, ERROR,
        /** A FIFO, socket or device (or a link to one) where git keeps a file: never opened. */
        NOT_A_REGULAR_FILE,
        /** Larger than the limit for its kind of file ({@link BoundedFiles}). */
        TOO_LARGE,
        /** A {@code .git} file points at something that is not a directory. */
        NOT_A_DIRECTORY;

        @Override
        public String id() {
            return WireId.of(this);
        }

        /** A file refused by its kind or size, as opposed to a directory the walk could not enter. */
        public boolean isFile() {
            return this == NOT_A_REGULAR_FILE || this == TOO_LARGE || this == NOT_A_DIRECTORY;
        }
    }

    public long unreadable() {
        return skipped.size();
    }
}
