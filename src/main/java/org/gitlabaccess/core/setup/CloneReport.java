package org.gitlabaccess.core.setup;

import java.util.List;

/** What cloning came to: cloned, skipped (already there, never touched), failed (nothing left behind). */
public record CloneReport(List<Cloned> cloned, List<Skipped> skipped, List<Failed> failed) {

    public record Cloned(String project, String path) {
    }

    public record Skipped(String project, String path, String reason) {
    }

    public record Failed(String project, String reason) {
    }

    public boolean ok() {
        return failed.isEmpty();
    }
}
