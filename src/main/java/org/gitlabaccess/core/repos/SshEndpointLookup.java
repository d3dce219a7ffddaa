package org.gitlabaccess.core.repos;

import java.util.Optional;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.InstanceUrl;
import org.gitlabaccess.core.gitlab.SshEndpointDiscovery;

/**
 * Asks GitLab where its SSH endpoint is, from a project's {@code ssh_url_to_repo}: instances often
 * serve SSH on another host name or port than the web. The answer is checked as any API answer is
 * ({@link SshEndpointDiscovery#judge}): a bad or foreign host is thrown, never used.
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
        return SshEndpointDiscovery.judge(r.body().get("ssh_url_to_repo").asText(),
                        InstanceUrl.parse(client.instanceRoot()).host())
                .orThrow().map(e -> new Endpoint(e.hostName(), e.port()));
    }
}
