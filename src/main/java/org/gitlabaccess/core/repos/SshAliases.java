package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;

/**
 * Resolves {@code Host} aliases of {@code ~/.ssh/config} to the host they connect to, as ssh does:
 * {@code git@work:group/app.git} with {@code Host work / HostName gitlab.example.com} is the company's
 * GitLab. Parsed by MINA SSHD, which reads the file as OpenSSH does.
 */
public final class SshAliases {
    private final HostConfigEntryResolver resolver;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private SshAliases(HostConfigEntryResolver resolver) {
        this.resolver = resolver;
    }

    public static SshAliases none() {
        return new SshAliases(null);
    }

    /** From {@code ~/.ssh/config}; no file, or one that cannot be read, resolves nothing. */
    public static SshAliases load(Path home) {
        Path file = home.resolve(".ssh").resolve("config");
        if (!Files.isRegularFile(file)) {
            return none();
        }
        try {
            List<HostConfigEntry> entries = HostConfigEntry.readHostConfigEntries(file);
            return new SshAliases(HostConfigEntry.toHostConfigEntryResolver(entries));
        } catch (IOException | RuntimeException e) {
            return none();
        }
    }

    /** The host name ssh would connect to for this host (the alias itself when none applies). */
    public String resolve(String host) {
        if (resolver == null || host.isEmpty()) {
            return host;
        }
        return cache.computeIfAbsent(host, h -> {
            try {
                HostConfigEntry e = resolver.resolveEffectiveHost(h, 0, null, "git", null, null);
                return e == null || e.getHostName() == null || e.getHostName().isBlank()
                        ? h : e.getHostName().toLowerCase(Locale.ROOT);
            } catch (IOException | RuntimeException ex) {
                return h;
            }
        });
    }
}
