package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * What {@code ~/.ssh/config} makes of a host, as OpenSSH would read it: the real host name, port and
 * identity files. {@code ~} is the product's home (which may be a sandbox), not the JVM's.
 */
public final class SshConfigLookup {
    /** The effective settings for a host. */
    public record Effective(SshEndpoint endpoint, List<Path> identityFiles) {
    }

    private SshConfigLookup() {
    }

    public static Effective resolve(Path home, String alias, int defaultPort) {
        Path config = home.resolve(".ssh").resolve("config");
        if (!Files.isRegularFile(config)) {
            return new Effective(new SshEndpoint(alias, alias, defaultPort), List.of());
        }
        try {
            // MINA expands ~ itself, with a process-wide home: make it ours (HOME may be a sandbox).
            org.apache.sshd.common.util.io.PathUtils.setUserHomeFolderResolver(() -> home);
            HostConfigEntry e = new ConfigFileHostEntryResolver(config)
                    .resolveEffectiveHost(alias, 0, null, "git", null, null);
            if (e == null) {
                return new Effective(new SshEndpoint(alias, alias, defaultPort), List.of());
            }
            String hostName = e.getHostName() == null || e.getHostName().isBlank() ? alias : e.getHostName();
            int port = e.getPort() > 0 ? e.getPort() : defaultPort;
            List<Path> identities = new ArrayList<>();
            for (String id : e.getIdentities()) {
                identities.add(expand(home, id.strip().replace("\"", "")));
            }
            return new Effective(new SshEndpoint(alias, hostName, port), identities);
        } catch (IOException | RuntimeException ex) {
            return new Effective(new SshEndpoint(alias, alias, defaultPort), List.of());
        }
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
