package org.gitlabaccess.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.Environment;

/**
 * Site configuration set by IT: host, SSH host and port, CA file, default method, key expiry,
 * scan roots, OAuth client id, where new employees' clones go and which groups are preselected. Layers, later ones overriding earlier ones: baked into the installer
 * (next to the app), {@code /etc/gitlab-access/config.json}, then the user's
 * {@code ~/.config/gitlab-access/config.json}. Command-line options override them all.
 */
public record SiteConfig(Optional<String> host, Optional<String> sshHost, Optional<Integer> sshPort,
                         Optional<Path> caFile, Optional<String> method, Optional<Integer> keyExpiryDays,
                         List<Path> scanRoots, Optional<String> oauthClientId, Optional<String> cloneRoot,
                         List<String> cloneGroups, List<Path> sources) {

    public static final String FILE_NAME = "config.json";

    /** Created on first use: most machines have no site config, and Jackson costs a tenth of a second to start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static SiteConfig empty() {
        return new SiteConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }

    /** The layers for this machine, lowest priority first. */
    public static List<Path> layers(Environment env, AppDirectories dirs) {
        List<Path> layers = new ArrayList<>();
        env.property("gitlab-access.app.dir").map(d -> Path.of(d, FILE_NAME)).ifPresent(layers::add);
        if (env.isWindows()) {
            env.variable("ProgramData").map(d -> Path.of(d, "GitLabAccess", FILE_NAME)).ifPresent(layers::add);
        } else if (env.isMac()) {
            layers.add(Path.of("/Library/Application Support/GitLabAccess", FILE_NAME));
        } else {
            layers.add(Path.of("/etc/gitlab-access", FILE_NAME));
        }
        layers.add(dirs.configDir().resolve(FILE_NAME));
        return layers;
    }

    public static SiteConfig load(List<Path> layers) {
        SiteConfig config = empty();
        for (Path file : layers) {
            // A FIFO or device where the file belongs is refused by read(), never opened.
            if (Files.exists(file)) {
                config = config.overriddenBy(read(file));
            }
        }
        return config;
    }

    static SiteConfig read(Path file) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(BoundedFiles.readRegular(file, BoundedFiles.CONFIG_LIMIT));
        } catch (BoundedFiles.RefusedFileException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "site-config-refused",
                    e.refusal() == BoundedFiles.Refusal.TOO_LARGE
                            ? Text.of("error.site-config-refused.too-large", file, e.limit() >> 20)
                            : Text.of("error.site-config-refused.not-regular", file),
                    Text.of("error.site-config-refused.hint"), e);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "site-config-corrupt",
                    Text.of("error.site-config-corrupt", file), Text.of("error.site-config-corrupt.hint"), e);
        }
        if (n == null || !n.isObject()) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "site-config-corrupt",
                    Text.of("error.site-config-corrupt.not-object", file), Text.of("error.site-config-corrupt.hint"));
        }
        Path base = file.toAbsolutePath().getParent();
        List<Path> roots = new ArrayList<>();
        if (n.has("scanRoots")) {
            n.get("scanRoots").forEach(r -> roots.add(base.resolve(r.asText())));
        }
        List<String> groups = new ArrayList<>();
        if (n.has("cloneGroups")) {
            n.get("cloneGroups").forEach(g -> groups.add(g.asText().strip()));
        }
        return new SiteConfig(text(n, "host"), text(n, "sshHost"), number(n, "sshPort"),
                text(n, "caFile").map(base::resolve), text(n, "method"), number(n, "keyExpiryDays"),
                List.copyOf(roots), text(n, "oauthClientId"), text(n, "cloneRoot"), List.copyOf(groups), List.of(file));
    }

    SiteConfig overriddenBy(SiteConfig o) {
        List<Path> src = new ArrayList<>(sources);
        src.addAll(o.sources);
        return new SiteConfig(o.host.or(() -> host), o.sshHost.or(() -> sshHost), o.sshPort.or(() -> sshPort),
                o.caFile.or(() -> caFile), o.method.or(() -> method), o.keyExpiryDays.or(() -> keyExpiryDays),
                o.scanRoots.isEmpty() ? scanRoots : o.scanRoots, o.oauthClientId.or(() -> oauthClientId),
                o.cloneRoot.or(() -> cloneRoot), o.cloneGroups.isEmpty() ? cloneGroups : o.cloneGroups,
                List.copyOf(src));
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText().trim());
    }

    private static Optional<Integer> number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.canConvertToInt() ? Optional.empty() : Optional.of(v.asInt());
    }
}
