package org.gitlabaccess.core.repos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Resolves {@code Host} aliases of {@code ~/.ssh/config} to the host they connect to, as ssh does:
 * {@code git@work:group/app.git} with {@code Host work / HostName gitlab.example.com} is the company's
 * GitLab. Asked of OpenSSH itself ({@link SshConfigLookup}), so {@code Match} and {@code Include} count.
 */
public final class SshAliases {
    private final SshConfigLookup lookup;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    private SshAliases(SshConfigLookup lookup) {
        this.lookup = lookup;
    }

    public static SshAliases none() {
        return new SshAliases(null);
    }

    /**
     * From {@code ~/.ssh/config}; without one, or when no configuration ssh reads could rename a host
     * ({@link SshHostNameDirectives}), every host is itself and ssh is never started.
     */
    public static SshAliases load(Path home) {
        return Files.isRegularFile(home.resolve(".ssh").resolve("config")) && SshHostNameDirectives.mayRename(home)
                ? new SshAliases(SshConfigLookup.forHome(home)) : none();
    }

    /** The host name ssh would connect to for this host (the alias itself when none applies). */
    public String resolve(String host) {
        if (lookup == null || host.isEmpty() || !isPlainAlias(host)) {
            return host;
        }
        return cache.computeIfAbsent(host, h -> {
            var effective = lookup.resolve(h, SshEndpoint.DEFAULT_PORT, false);
            String real = effective.endpoint().hostName();
            return effective.notice().isPresent() || real == null || real.isBlank() ? h : real.toLowerCase(Locale.ROOT);
        });
    }

    /**
     * What a remote names as its host is only handed to ssh when it is a host name, an address, or an
     * alias of letters, digits, dots, hyphens and underscores (aliases such as {@code work_gitlab} are common).
     */
    private static boolean isPlainAlias(String host) {
        return NetworkNames.host(host).isPresent() || !host.startsWith("-") && host.length() <= 253
                && host.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_'));
    }
}
