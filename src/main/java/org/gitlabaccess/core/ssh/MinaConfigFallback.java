package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.common.util.io.PathUtils;
import org.gitlabaccess.core.ssh.SshConfigLookup.Effective;
import org.gitlabaccess.core.ssh.SshConfigLookup.Source;

/**
 * The fallback where no {@code ssh} is installed: MINA's parser. It knows neither {@code Match}
 * (it throws) nor {@code Include} (it skips it), so a file using them is named in the notice rather
 * than silently read as if those lines were not there.
 */
final class MinaConfigFallback {
    private MinaConfigFallback() {
    }

    static Effective resolve(Path home, String alias, int port, boolean portForced, String forcedHostName) {
        SshEndpoint plain = new SshEndpoint(alias, forcedHostName != null ? forcedHostName : alias, port);
        Path config = home.resolve(".ssh").resolve("config");
        if (!Files.exists(config)) {
            return Effective.defaults(home, plain, List.of(), Source.DEFAULTS);
        }
        String unsupported = unsupportedLines(config);
        try {
            // MINA expands ~ itself, with a process-wide home: make it ours (HOME may be a sandbox).
            PathUtils.setUserHomeFolderResolver(() -> home);
            HostConfigEntry e = new ConfigFileHostEntryResolver(config)
                    .resolveEffectiveHost(alias, 0, null, "git", null, null);
            Effective found;
            if (e == null) {
                found = Effective.defaults(home, plain, List.of(), Source.FALLBACK_PARSER);
            } else {
                String hostName = forcedHostName != null ? forcedHostName
                        : e.getHostName() == null || e.getHostName().isBlank() ? alias : e.getHostName();
                int realPort = portForced || e.getPort() <= 0 ? port : e.getPort();
                List<Path> identities = new ArrayList<>();
                for (String id : e.getIdentities()) {
                    identities.add(expand(home, id.strip().replace("\"", "")));
                }
                found = Effective.defaults(home, new SshEndpoint(alias, hostName, realPort), identities,
                        Source.FALLBACK_PARSER);
            }
            return unsupported == null ? found : found.withNotice(config + " uses " + unsupported
                    + ", which only OpenSSH understands (ssh is not installed): those lines were not applied.");
        } catch (IOException | RuntimeException ex) {
            return Effective.defaults(home, plain, List.of(), Source.FALLBACK_PARSER)
                    .withNotice(config + " could not be read without OpenSSH (ssh is not installed): "
                            + ex.getMessage());
        }
    }

    /** "Match (line 3)" / "Include (line 1)": what MINA cannot apply, or null. */
    private static String unsupportedLines(Path config) {
        try {
            List<String> found = new ArrayList<>();
            List<String> lines = Files.readAllLines(config, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).strip().toLowerCase(Locale.ROOT);
                for (String keyword : List.of("match", "include")) {
                    if (t.startsWith(keyword) && t.length() > keyword.length()
                            && (Character.isWhitespace(t.charAt(keyword.length())) || t.charAt(keyword.length()) == '=')) {
                        found.add(keyword.substring(0, 1).toUpperCase(Locale.ROOT) + keyword.substring(1)
                                + " (line " + (i + 1) + ")");
                    }
                }
            }
            return found.isEmpty() ? null : String.join(", ", found);
        } catch (IOException | RuntimeException e) {
            return null;
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
