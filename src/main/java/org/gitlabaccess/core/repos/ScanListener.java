package org.gitlabaccess.core.repos;

/**
 * Hears a scan as it goes, for a table that fills while the disk is walked. Called from the scan's
 * worker threads, possibly concurrently: implementations must be thread-safe (a JavaFX view model
 * hands over with {@code Platform.runLater}).
 */
public interface ScanListener {
    ScanListener NONE = new ScanListener() {
    };

    /** A repository was found (each one once). */
    default void repositoryFound(FoundRepository repository) {
    }

    /** Counts so far; sent every few thousand directories and once at the end. */
    default void progress(ScanProgress progress) {
    }
}
