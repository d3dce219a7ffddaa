package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.List;

/**
 * What a rewrite would do, before anything is touched: the edits, the remotes already in the target
 * form, and the ones left alone with the reason. All URLs here are shown redacted.
 */
public record RewritePlan(RewriteTarget target, List<ConfigEdit> edits, int alreadyInTargetForm, List<Left> leftAlone,
                          List<String> notes) {

    /** A remote URL the rewrite does not touch, and why. */
    public record Left(Path repository, String remote, String key, String url, String reason) {
    }

    public boolean nothingToDo() {
        return edits.isEmpty();
    }
}
