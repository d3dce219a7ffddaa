package org.gitlabaccess.core.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;

/**
 * Docker logins for the GitLab host and its container registry ({@code registry.<host>},
 * {@code <host>:5050}, or any registry the caller names) in {@code ~/.docker/config.json} and
 * {@code $DOCKER_CONFIG/config.json}. A stale login there makes every pull fail with GitLab's
 * "HTTP Basic: Access denied" long after everything else was fixed (field report 001). Each
 * stored secret is decoded in memory only and tested against the GitLab API; nothing is written.
 */
public final class DockerCredentials {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path home;
    private final Environment env;

    public DockerCredentials(Path home, Environment env) {
        this.home = home;
        this.env = env;
    }

    /** The config files docker may use, existing regular ones within {@link BoundedFiles#CONFIG_LIMIT}, without duplicates. */
    public List<Path> configFiles() {
        List<Path> refused = refused().stream().map(BoundedFiles.RefusedFileException::file).toList();
        return candidates().stream().filter(Files::isRegularFile).filter(f -> !refused.contains(f)).toList();
    }

    /** Config files that are there but are not read: FIFOs, devices, too large. */
    public List<BoundedFiles.RefusedFileException> refused() {
        return BoundedFiles.refusals(candidates(), BoundedFiles.CONFIG_LIMIT);
    }

    private List<Path> candidates() {
        Set<Path> files = new LinkedHashSet<>();
        env.variable("DOCKER_CONFIG").ifPresent(d -> files.add(Path.of(d).resolve("config.json").toAbsolutePath()
                .normalize()));
        files.add(home.resolve(".docker").resolve("config.json").toAbsolutePath().normalize());
        return List.copyOf(files);
    }

    /** The registry names that belong to the GitLab host, lower case. */
    public static List<String> registriesFor(GitHost host, List<String> extra) {
        Set<String> names = new LinkedHashSet<>();
        names.add(host.host());
        names.add(host.hostAndPort());
        names.add("registry." + host.host());
        names.add(host.host() + ":5050");
        extra.forEach(r -> names.add(normalize(r)));
        return List.copyOf(names);
    }

    /** {@code https://registry.example.com/v1/} → {@code registry.example.com}. */
    public static String normalize(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        int scheme = k.indexOf("://");
        if (scheme >= 0) {
            k = k.substring(scheme + 3);
        }
        int slash = k.indexOf('/');
        return slash >= 0 ? k.substring(0, slash) : k;
    }

    /**
     * @param probe asks GitLab about each readable secret; null to skip checking (every readable one is then UNCHECKED)
     */
    public List<DockerFinding> find(GitHost host, List<String> extraRegistries, TokenProbe probe) {
        List<DockerFinding> out = new ArrayList<>();
        for (Path file : configFiles()) {
            out.addAll(findIn(file, read(file), host, extraRegistries, probe));
        }
        return out;
    }

    /**
     * The same for a docker configuration that is not one of this user's files (gitlab-runner's
     * {@code DOCKER_AUTH_CONFIG}, another user's config.json).
     *
     * @param file the file the configuration was read from, named in the findings
     */
    public static List<DockerFinding> findIn(Path file, JsonNode root, GitHost host, List<String> extraRegistries,
                                             TokenProbe probe) {
        List<String> wanted = registriesFor(host, extraRegistries);
        List<DockerFinding> out = new ArrayList<>();
        JsonNode helpers = root.path("credHelpers");
        String credsStore = root.path("credsStore").asText("");
        Set<String> seen = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (wanted.contains(normalize(e.getKey()))) {
                seen.add(normalize(e.getKey()));
                out.add(hidden(file, e.getKey(), "docker-credential-" + e.getValue().asText()));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("auths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String registry = normalize(e.getKey());
            if (!wanted.contains(registry) || seen.contains(registry)) {
                continue;
            }
            out.add(examine(file, e.getKey(), e.getValue(), credsStore, probe));
        }
        return out;
    }

    private static DockerFinding examine(Path file, String key, JsonNode entry, String credsStore, TokenProbe probe) {
        String registry = normalize(key);
        if (entry.hasNonNull("identitytoken") && !entry.path("identitytoken").asText().isEmpty()) {
            return new DockerFinding(file, key, Optional.empty(), DockerFinding.Status.IDENTITY_TOKEN, Optional.empty(),
                    "docker login for " + registry + " holds a registry identity token, which cannot be checked.",
                    Optional.empty());
        }
        String auth = entry.path("auth").asText("");
        if (auth.isEmpty()) {
            if (!credsStore.isEmpty()) {
                return hidden(file, key, "docker-credential-" + credsStore);
            }
            return new DockerFinding(file, key, Optional.empty(), DockerFinding.Status.MALFORMED, Optional.empty(),
                    "docker login for " + registry + " in " + file + " has no credential.", Optional.of(fix(registry, null)));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return new DockerFinding(file, key, Optional.empty(), DockerFinding.Status.MALFORMED, Optional.empty(),
                    "docker login for " + registry + " in " + file + " cannot be read (not base64 of user:secret).",
                    Optional.of(fix(registry, null)));
        }
        String user = decoded.substring(0, colon);
        String where = "docker login for " + registry + " (user " + user + ") in " + file;
        if (probe == null) {
            return new DockerFinding(file, key, Optional.of(user), DockerFinding.Status.UNCHECKED, Optional.empty(),
                    where + " was not checked.", Optional.empty());
        }
        TokenStatus status;
        try (Secret secret = Secret.exact(decoded.substring(colon + 1))) {
            status = probe.probe(secret);
        }
        DockerFinding.Status s;
        String summary;
        switch (status.state()) {
            case ACTIVE -> {
                boolean pull = status.hasAnyScope("read_registry", "api");
                s = pull ? DockerFinding.Status.VALID : DockerFinding.Status.MISSING_REGISTRY_SCOPE;
                summary = pull ? where + " is a valid token" + status.expiresAt().map(d -> " (expires " + d + ")").orElse("")
                        + "." : where + " is a valid token without the read_registry scope (it has "
                        + String.join(", ", status.scopes()) + "), so pulls are refused.";
            }
            case EXPIRED -> {
                s = DockerFinding.Status.EXPIRED;
                summary = where + " is an expired token: docker pulls fail with \"HTTP Basic: Access denied\".";
            }
            case REVOKED -> {
                s = DockerFinding.Status.REVOKED;
                summary = where + " is a revoked token: docker pulls fail with \"HTTP Basic: Access denied\".";
            }
            case UNKNOWN -> {
                s = DockerFinding.Status.REFUSED;
                summary = where + " is refused by GitLab: a password (not accepted once two-factor authentication "
                        + "is on) or a deleted token.";
            }
            default -> {
                s = DockerFinding.Status.UNCHECKED;
                summary = where + " could not be checked (" + status.detail() + ").";
            }
        }
        Optional<String> fix = s == DockerFinding.Status.VALID || s == DockerFinding.Status.UNCHECKED
                ? Optional.empty() : Optional.of(fix(registry, user));
        return new DockerFinding(file, key, Optional.of(user), s, Optional.of(status), summary, fix);
    }

    private static DockerFinding hidden(Path file, String key, String helper) {
        String registry = normalize(key);
        return new DockerFinding(file, key, Optional.empty(), DockerFinding.Status.HIDDEN, Optional.empty(),
                "docker login for " + registry + " is kept by " + helper + ", so it cannot be checked here.",
                Optional.of(fix(registry, null)));
    }

    /** {@code docker login REGISTRY -u USER --password-stdin}: run it with a token that has read_registry on stdin. */
    public static String fix(String registry, String user) {
        return "docker login " + registry + " -u " + (user == null || user.isEmpty() ? "<your GitLab user name>" : user)
                + " --password-stdin";
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(BoundedFiles.readRegular(file, BoundedFiles.CONFIG_LIMIT));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "docker-config-unreadable",
                    e instanceof JsonProcessingException j && j.getLocation() != null
                            ? Text.of("error.docker-config-unreadable.line", file, j.getLocation().getLineNr())
                            : Text.of("error.docker-config-unreadable", file),
                    Text.of("error.docker-config-unreadable.hint"), e);
        }
    }
}
