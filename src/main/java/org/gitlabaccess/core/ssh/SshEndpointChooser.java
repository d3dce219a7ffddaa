package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Picks a reachable SSH endpoint: the configured one, or where a firewall blocks port 22, the
 * host's alternative (gitlab.com answers SSH on altssh.gitlab.com:443).
 */
public final class SshEndpointChooser {
    public static final Map<String, SshEndpoint> KNOWN_ALTERNATIVES =
            Map.of("gitlab.com", new SshEndpoint("gitlab.com", "altssh.gitlab.com", 443));

    private final Map<String, SshEndpoint> alternatives;
    private final Duration timeout;

    public SshEndpointChooser(Map<String, SshEndpoint> alternatives, Duration timeout) {
        this.alternatives = alternatives;
        this.timeout = timeout;
    }

    /** What was chosen, and whether it is the alternative because the first was blocked. */
    public record Choice(SshEndpoint endpoint, boolean reachable, boolean usedAlternative) {
    }

    public Choice choose(SshEndpoint wanted) {
        if (reachable(wanted.hostName(), wanted.port())) {
            return new Choice(wanted, true, false);
        }
        Optional<SshEndpoint> alt = Optional.ofNullable(alternatives.get(wanted.alias()));
        if (alt.isPresent() && reachable(alt.get().hostName(), alt.get().port())) {
            return new Choice(wanted.via(alt.get().hostName(), alt.get().port()), true, true);
        }
        return new Choice(wanted, false, false);
    }

    boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
