package org.gitlabaccess.core.ssh;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Where Git's SSH traffic goes: the host as remotes name it, the real host name, and the port. */
public record SshEndpoint(String alias, String hostName, int port) {
    public static final int DEFAULT_PORT = 22;

    public static SshEndpoint of(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return new SshEndpoint(h, h, port);
    }

    /** The endpoint in GitLab's {@code ssh_url_to_repo}: {@code git@host:path} or {@code ssh://git@host:port/path}. */
    public static Optional<SshEndpoint> fromCloneUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (url.startsWith("ssh://")) {
            URI u = URI.create(url);
            return u.getHost() == null ? Optional.empty()
                    : Optional.of(of(u.getHost(), u.getPort() == -1 ? DEFAULT_PORT : u.getPort()));
        }
        int at = url.indexOf('@');
        int colon = url.indexOf(':', at + 1);
        if (at >= 0 && colon > at) {
            return Optional.of(of(url.substring(at + 1, colon), DEFAULT_PORT));
        }
        return Optional.empty();
    }

    /** The same alias reached through another host and port (gitlab.com's altssh on 443, say). */
    public SshEndpoint via(String otherHost, int otherPort) {
        return new SshEndpoint(alias, otherHost.toLowerCase(Locale.ROOT), otherPort);
    }

    /** The {@code known_hosts} name: {@code host} on 22, {@code [host]:port} otherwise. */
    public String knownHostsName() {
        return port == DEFAULT_PORT ? hostName : "[" + hostName + "]:" + port;
    }

    @Override
    public String toString() {
        return hostName + (port == DEFAULT_PORT ? "" : ":" + port);
    }

    // Written out: a record's own equals and hashCode are bootstrapped through method handles on first
    // use, which spins about ten classes that no class-data archive keeps (5 ms of verify, mid-handshake).
    @Override
    public boolean equals(Object o) {
        return o instanceof SshEndpoint other && port == other.port && Objects.equals(alias, other.alias)
                && Objects.equals(hostName, other.hostName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alias, hostName, port);
    }
}
