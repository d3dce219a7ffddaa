package org.gitlabaccess.core.repos;

import java.util.Optional;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;

/**
 * Asks GitLab where its SSH endpoint is, from a project's {@code ssh_url_to_repo}: instances often
 * serve SSH on another host name or port than the web.
 */
public final class SshEndpointLookup {
    /** Host and port of the SSH endpoint. */
    public record Endpoint(String host, int port) {
    }

    private SshEndpointLookup() {
    }

    public static Optional<Endpoint> fromProject(GitLabClient client, String project) {
        ApiResult r = client.get("/projects/" + GitLabClient.encodePath(project));
        if (!r.ok() || r.body() == null || !r.body().hasNonNull("ssh_url_to_repo")) {
            return Optional.empty();
        }
        GitUrl url = GitUrl.parse(r.body().get("ssh_url_to_repo").asText());
        if (!url.isSsh() || url.host().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(url.host(), url.port() == -1 ? 22 : url.port()));
    }
}
