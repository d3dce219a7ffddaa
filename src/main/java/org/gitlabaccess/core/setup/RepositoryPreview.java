package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.repos.ConfigEdit;

/**
 * What the rewrite would do to the repositories found, before anything is written.
 *
 * @param edits every remote value that would change
 * @param repositories how many repositories the walk found
 * @param alreadyInTargetForm how many GitLab remotes are already as the method wants them
 */
public record RepositoryPreview(List<ConfigEdit> edits, int repositories, int alreadyInTargetForm) {
    public RepositoryPreview {
        edits = List.copyOf(edits);
    }
}
