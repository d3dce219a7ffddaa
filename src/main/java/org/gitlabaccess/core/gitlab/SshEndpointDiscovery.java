package org.gitlabaccess.core.gitlab;

import java.util.Optional;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Where GitLab's SSH listens, as the instance itself says in {@code ssh_url_to_repo}: self-managed
 * instances often use another host name or port than the web. What the API says is data, not
 * configuration: a host that is not a valid name, or not the instance's own (see
 * {@link SshHostPolicy}), is refused, and the caller asks for {@code --ssh-host} instead.
 */
public final class SshEndpointDiscovery {
    /**
     * What the API said: nothing usable, an endpoint that may be used, or one that must not be
     * without the user's word ({@code refusal}; a foreign but well-formed endpoint is kept, so that a
     * user who named that very host with {@code --ssh-host} still gets the API's port).
     */
    public record Discovery(Optional<SshEndpoint> endpoint, Optional<ProblemException> refusal) {
        static Discovery none() {
            return new Discovery(Optional.empty(), Optional.empty());
        }

        /** The endpoint, or empty when there was none; a refused one is thrown. */
        public Optional<SshEndpoint> orThrow() {
            refusal.ifPresent(p -> {
                throw p;
            });
            return endpoint;
        }
    }

    private SshEndpointDiscovery() {
    }

    public static Discovery fromApi(GitLabClient client) {
        ApiResult r = client.get("/projects?membership=true&simple=true&per_page=1");
        if (!r.ok() || r.body() == null || !r.body().isArray() || r.body().isEmpty()) {
            return Discovery.none();
        }
        return judge(r.body().get(0).path("ssh_url_to_repo").asText(null), InstanceUrl.parse(client.instanceRoot()).host());
    }

    /** The endpoint in an {@code ssh_url_to_repo}, checked against the instance's host. */
    public static Discovery judge(String sshUrl, String instanceHost) {
        if (sshUrl == null || sshUrl.isBlank()) {
            return Discovery.none();
        }
        Optional<SshEndpoint> parsed;
        try {
            parsed = SshEndpoint.fromCloneUrl(sshUrl);
        } catch (IllegalArgumentException e) {
            parsed = Optional.empty();
        }
        Optional<String> host = parsed.flatMap(p -> NetworkNames.host(p.hostName()));
        if (parsed.isEmpty() || host.isEmpty() || !NetworkNames.isPort(parsed.get().port())) {
            return new Discovery(Optional.empty(), Optional.of(ProblemException.of(ProblemKind.NETWORK,
                    "ssh-host-invalid", Text.of("error.api-ssh-host-invalid", NetworkNames.printable(sshUrl)),
                    Text.of("error.api-ssh-host.hint"))));
        }
        if (!SshHostPolicy.belongsTo(host.get(), instanceHost)) {
            SshEndpoint foreign = SshEndpoint.of(host.get(), parsed.get().port());
            return new Discovery(Optional.of(foreign),
                    Optional.of(new ForeignSshHostException(foreign, instanceHost)));
        }
        return new Discovery(Optional.of(SshEndpoint.of(host.get(), parsed.get().port())), Optional.empty());
    }
}
