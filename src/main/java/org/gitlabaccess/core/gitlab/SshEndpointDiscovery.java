package org.gitlabaccess.core.gitlab;

import java.util.Optional;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Where GitLab's SSH listens, as the instance itself says in {@code ssh_url_to_repo}: self-managed
 * instances often use another host name or port than the web.
 */
public final class SshEndpointDiscovery {
    private SshEndpointDiscovery() {
    }

    public static Optional<SshEndpoint> fromApi(GitLabClient client) {
        ApiResult r = client.get("/projects?membership=true&simple=true&per_page=1");
        if (!r.ok() || r.body() == null || !r.body().isArray() || r.body().isEmpty()) {
            return Optional.empty();
        }
        return SshEndpoint.fromCloneUrl(r.body().get(0).path("ssh_url_to_repo").asText(null));
    }
}
