package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * What {@code ~/.ssh/config} makes of a host, as OpenSSH would read it: the real host name, port,
 * user, identity files, known-hosts files and host key algorithms. {@code ~} is the product's home
 * (which may be a sandbox), not the JVM's.
 */
public final class SshConfigLookup {
    /** OpenSSH's default {@code HostKeyAlgorithms} (9.x), in its order of preference. */
    public static final List<String> OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS = List.of(
            "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256");

    /** Where the answer came from. */
    public enum Source {
        /** The real {@code ssh -G}: OpenSSH's own resolution ({@code Match}, {@code Include}, tokens). */
        OPENSSH,
        /** MINA's parser, where no {@code ssh} is installed. */
        FALLBACK_PARSER,
        /** No configuration file at all: OpenSSH's defaults. */
        DEFAULTS
    }

    /**
     * The effective settings for a host.
     *
     * @param endpoint the alias as asked, the real host name and port
     * @param user the user name ({@code git} unless the configuration says otherwise)
     * @param identityFiles the identity files, {@code ~} expanded, in OpenSSH's order
     * @param identitiesOnly {@code IdentitiesOnly yes}
     * @param userKnownHostsFiles {@code UserKnownHostsFile}, expanded (default {@code ~/.ssh/known_hosts},
     *     {@code ~/.ssh/known_hosts2})
     * @param globalKnownHostsFiles {@code GlobalKnownHostsFile} (default {@code /etc/ssh/ssh_known_hosts},
     *     {@code /etc/ssh/ssh_known_hosts2})
     * @param hostKeyAlgorithms {@code HostKeyAlgorithms} as configured (before OpenSSH's reordering by known types)
     * @param hashKnownHosts {@code HashKnownHosts yes}: new known_hosts lines are written hashed
     * @param proxyJump {@code ProxyJump}, when set and not {@code none}
     * @param proxyCommand {@code ProxyCommand}, when set and not {@code none}
     * @param source who resolved it
     * @param notice why the resolution is incomplete or was refused (OpenSSH's own message), else empty
     */
    public record Effective(SshEndpoint endpoint, String user, List<Path> identityFiles, boolean identitiesOnly,
                            List<Path> userKnownHostsFiles, List<Path> globalKnownHostsFiles,
                            List<String> hostKeyAlgorithms, boolean hashKnownHosts, Optional<String> proxyJump,
                            Optional<String> proxyCommand, Source source, Optional<String> notice) {
        public Effective {
            identityFiles = List.copyOf(identityFiles);
            userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
            globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
            hostKeyAlgorithms = List.copyOf(hostKeyAlgorithms);
        }

        /** OpenSSH's defaults for everything but the endpoint and identities. */
        public static Effective defaults(Path home, SshEndpoint endpoint, List<Path> identityFiles, Source source) {
            return new Effective(endpoint, "git", identityFiles, false, defaultUserKnownHosts(home),
                    defaultGlobalKnownHosts(), OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS, false, Optional.empty(),
                    Optional.empty(), source, Optional.empty());
        }

        public Effective withNotice(String text) {
            return new Effective(endpoint, user, identityFiles, identitiesOnly, userKnownHostsFiles,
                    globalKnownHostsFiles, hostKeyAlgorithms, hashKnownHosts, proxyJump, proxyCommand, source,
                    Optional.ofNullable(text));
        }

        /** Every known-hosts file OpenSSH reads for this host: the user's first, then the global ones. */
        public List<Path> knownHostsFiles() {
            List<Path> all = new ArrayList<>(userKnownHostsFiles);
            all.addAll(globalKnownHostsFiles);
            return all;
        }
    }

    private SshConfigLookup() {
    }

    public static List<Path> defaultUserKnownHosts(Path home) {
        Path ssh = home.resolve(".ssh");
        return List.of(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2"));
    }

    public static List<Path> defaultGlobalKnownHosts() {
        return List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2"));
    }

    public static Effective resolve(Path home, String alias, int defaultPort) {
        SshEndpoint plain = new SshEndpoint(alias, alias, defaultPort);
        Path config = home.resolve(".ssh").resolve("config");
        if (!Files.isRegularFile(config)) {
            return Effective.defaults(home, plain, List.of(), Source.DEFAULTS);
        }
        try {
            // MINA expands ~ itself, with a process-wide home: make it ours (HOME may be a sandbox).
            org.apache.sshd.common.util.io.PathUtils.setUserHomeFolderResolver(() -> home);
            HostConfigEntry e = new ConfigFileHostEntryResolver(config)
                    .resolveEffectiveHost(alias, 0, null, "git", null, null);
            if (e == null) {
                return Effective.defaults(home, plain, List.of(), Source.FALLBACK_PARSER);
            }
            String hostName = e.getHostName() == null || e.getHostName().isBlank() ? alias : e.getHostName();
            int port = e.getPort() > 0 ? e.getPort() : defaultPort;
            List<Path> identities = new ArrayList<>();
            for (String id : e.getIdentities()) {
                identities.add(expand(home, id.strip().replace("\"", "")));
            }
            return Effective.defaults(home, new SshEndpoint(alias, hostName, port), identities,
                    Source.FALLBACK_PARSER);
        } catch (IOException | RuntimeException ex) {
            return Effective.defaults(home, plain, List.of(), Source.FALLBACK_PARSER)
                    .withNotice(config + " could not be read: " + ex.getMessage());
        }
    }

    /**
     * The settings for an endpoint already decided (a port chosen by a probe, a host from the site
     * configuration): that host name and port, with what the configuration says of everything else
     * for the alias (known-hosts files, host key algorithms, user).
     */
    public static Effective forEndpoint(Path home, SshEndpoint endpoint) {
        return Effective.defaults(home, endpoint, List.of(), Source.DEFAULTS);
    }

    static Path expand(Path home, String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
