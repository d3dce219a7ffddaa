package org.gitlabaccess.core.gitlab;

import java.util.Optional;
import java.util.function.Supplier;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Where SSH goes, from the sources in their order of precedence: the command line
 * ({@code --ssh-host}/{@code --ssh-port}), the site configuration, the product's own
 * {@code ~/.ssh/config} block (offline only), what the API says (checked by
 * {@link SshEndpointDiscovery}), and last the web host on port 22. Every value is validated where it
 * is used: a bad command-line value is a usage error, a bad site-configuration value a local-file
 * error, a bad or foreign API value a network error that names {@code --ssh-host}.
 */
public final class SshEndpointSelection {
    /**
     * The endpoint and whether its port is given as OpenSSH's {@code -p} (it then beats {@code Port} in
     * {@code ~/.ssh/config}): always for {@code --ssh-port}, and for any other source naming a port other than 22,
     * as git does for a URL with a port.
     */
    public record Selected(SshEndpoint endpoint, boolean portForced) {
    }

    private SshEndpointSelection() {
    }

    /**
     * @param optionHost {@code --ssh-host}, or null
     * @param optionPort {@code --ssh-port}, or null
     * @param blockAlias the alias of the product's block for this instance (asked only without a client)
     * @param client the API, or null when no token was given
     * @param instanceHost the web host
     */
    public static Selected select(String optionHost, Integer optionPort, SiteConfig site,
                                  Supplier<Optional<String>> blockAlias, GitLabClient client, String instanceHost) {
        String host = optionHost != null ? NetworkNames.requireHost(optionHost, "--ssh-host", ProblemKind.USAGE)
                : site.sshHost().map(h -> NetworkNames.requireHost(h, "the site configuration's sshHost",
                        ProblemKind.LOCAL_FILES)).orElse(null);
        Integer port = optionPort != null ? (Integer) NetworkNames.requirePort(optionPort, "--ssh-port", ProblemKind.USAGE)
                : site.sshPort().map(p -> NetworkNames.requirePort(p, "the site configuration's sshPort",
                        ProblemKind.LOCAL_FILES)).orElse(null);
        if (host == null && client == null) {
            host = blockAlias.get().flatMap(NetworkNames::host).orElse(null);
        }
        if ((host == null || port == null) && client != null) {
            var discovery = SshEndpointDiscovery.fromApi(client);
            if (host == null) {
                Optional<SshEndpoint> found = discovery.orThrow();
                if (found.isPresent()) {
                    host = found.get().hostName();
                    port = port != null ? port : found.get().port();
                }
            } else {
                // A configured host takes the API's port only when the API names that same host.
                String configured = host;
                port = discovery.endpoint().filter(e -> e.hostName().equals(configured)).map(SshEndpoint::port)
                        .orElse(null);
            }
        }
        boolean forced = optionPort != null || port != null && port != SshEndpoint.DEFAULT_PORT;
        return new Selected(SshEndpoint.of(host != null ? host : instanceHost,
                port != null ? port : SshEndpoint.DEFAULT_PORT), forced);
    }
}
