package org.gitlabaccess.testkit;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The subset of GitLab's REST API v4 the product uses, with GitLab's shapes, status codes and
 * error bodies (as in lib/api of GitLab 16–17).
 */
final class ApiRoutes {
    static final List<String> READ_USER_SCOPES = List.of("api", "read_api", "read_user");
    static final List<String> API_SCOPES = List.of("api");
    static final List<String> READ_API_SCOPES = List.of("api", "read_api");
    static final String EXPIRED = "Token is expired. You can either do re-authorization or token refresh.";
    static final String REVOKED = "Token was revoked. You have to re-authorize from the user.";
    private static final Pattern KEY_ID = Pattern.compile("/user/keys/(\\d+)");
    private static final Pattern PROJECT = Pattern.compile("/projects/([^/]+)");
    private static final Pattern USER_ID = Pattern.compile("/users/(\\d+)");

    private final GitLabState state;
    private final GitLabTestServer server;

    ApiRoutes(GitLabState state, GitLabTestServer server) {
        this.state = state;
        this.server = server;
    }

    /** @param path below {@code /api/v4} */
    void handle(Exchange ex, String path) throws IOException {
        String m = ex.method();
        Matcher keyId = KEY_ID.matcher(path);
        Matcher project = PROJECT.matcher(path);
        if (m.equals("GET") && (path.equals("/version") || path.equals("/metadata"))) {
            withToken(ex, READ_USER_SCOPES, t -> metadata(ex));
        } else if (m.equals("GET") && path.equals("/user")) {
            withToken(ex, READ_USER_SCOPES, t -> ex.json(200, user(state.user(t.userId).orElseThrow())));
        } else if (m.equals("GET") && USER_ID.matcher(path).matches()) {
            publicUser(ex, Long.parseLong(path.substring("/users/".length())));
        } else if (m.equals("GET") && path.equals("/user/keys")) {
            withToken(ex, READ_USER_SCOPES, t -> listKeys(ex, t));
        } else if (m.equals("POST") && path.equals("/user/keys")) {
            withToken(ex, API_SCOPES, t -> addKey(ex, t));
        } else if (keyId.matches() && m.equals("GET")) {
            withToken(ex, READ_USER_SCOPES, t -> getKey(ex, t, Long.parseLong(keyId.group(1))));
        } else if (keyId.matches() && m.equals("DELETE")) {
            withToken(ex, API_SCOPES, t -> deleteKey(ex, t, Long.parseLong(keyId.group(1))));
        } else if (m.equals("GET") && path.equals("/personal_access_tokens/self")) {
            withToken(ex, null, t -> ex.json(200, tokenEntity(t)));
        } else if (m.equals("GET") && path.equals("/personal_access_tokens")) {
            withToken(ex, READ_API_SCOPES, t -> listTokens(ex, t));
        } else if (m.equals("POST") && path.equals("/personal_access_tokens/self/rotate")) {
            withToken(ex, List.of("api", "self_rotate"), t -> rotate(ex, t));
        } else if (m.equals("DELETE") && path.equals("/personal_access_tokens/self")) {
            withToken(ex, null, t -> {
                t.revoked = true;
                ex.empty(204);
            });
        } else if (m.equals("POST") && path.equals("/runners/verify")) {
            verifyRunner(ex);
        } else if (m.equals("GET") && path.equals("/projects")) {
            withToken(ex, READ_API_SCOPES, t -> listProjects(ex, t));
        } else if (m.equals("GET") && project.matches()) {
            withToken(ex, READ_API_SCOPES, t -> getProject(ex, t, URLDecoder.decode(project.group(1),
                    StandardCharsets.UTF_8)));
        } else {
            ex.json(404, Exchange.message("404 Not Found"));
        }
    }

    // --- authentication, as lib/api/api_guard.rb answers

    @FunctionalInterface
    interface TokenAction {
        void run(TestToken token) throws IOException;
    }

    private void withToken(Exchange ex, List<String> acceptedScopes, TokenAction action) throws IOException {
        Optional<String> value = tokenOf(ex);
        Optional<TestToken> token = value.flatMap(state::token);
        if (token.isEmpty() || state.user(token.get().userId).isEmpty()) {
            ex.json(401, Exchange.message("401 Unauthorized"));
            return;
        }
        TestToken t = token.get();
        if (t.revoked) {
            invalidToken(ex, REVOKED);
            return;
        }
        if (t.isExpired(state.today())) {
            invalidToken(ex, EXPIRED);
            return;
        }
        if (acceptedScopes != null && !t.hasAnyScope(acceptedScopes)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", "insufficient_scope");
            body.put("error_description", "The request requires higher privileges than provided by the access token.");
            body.put("scope", String.join(" ", acceptedScopes));
            ex.json(403, body);
            return;
        }
        t.lastUsedAt = state.now();
        ex.status = 200;
        action.run(t);
    }

    static Optional<String> tokenOf(Exchange ex) {
        String privateToken = ex.header("PRIVATE-TOKEN");
        if (privateToken != null) {
            return Optional.of(privateToken.trim());
        }
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(auth.substring(7).trim());
        }
        return Optional.ofNullable(ex.query.get("private_token"));
    }

    private static void invalidToken(Exchange ex, String description) throws IOException {
        ex.http.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"Protected by OAuth 2.0\", "
                + "error=\"invalid_token\", error_description=\"" + description + "\"");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_token");
        body.put("error_description", description);
        ex.json(401, body);
    }

    // --- endpoints

    /**
     * lib/api/ci/runner.rb: the runner's token in the body (form or JSON); an unknown or expired one is
     * 403 with no more detail, a missing one 400.
     */
    private void verifyRunner(Exchange ex) throws IOException {
        String token = ex.params().get("token");
        if (token == null || token.isBlank()) {
            ex.json(400, Map.of("error", "token is missing"));
            return;
        }
        Optional<TestRunner> runner = state.runner(token);
        if (runner.isEmpty() || runner.get().isExpired(state.now())) {
            ex.json(403, Exchange.message("403 Forbidden"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", runner.get().id());
        body.put("token", runner.get().token());
        body.put("token_expires_at", runner.get().tokenExpiresAt() == null ? null : iso(runner.get().tokenExpiresAt()));
        ex.json(200, body);
    }

    private void metadata(Exchange ex) throws IOException {
        Map<String, Object> kas = new LinkedHashMap<>();
        kas.put("enabled", false);
        kas.put("externalUrl", null);
        kas.put("externalK8sProxyUrl", null);
        kas.put("version", null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", GitLabTestServer.VERSION);
        body.put("revision", "6f1e1d3c2b0");
        body.put("kas", kas);
        body.put("enterprise", false);
        ex.json(200, body);
    }

    /** {@code GET /users/:id}: public profiles need no token. */
    private void publicUser(Exchange ex, long id) throws IOException {
        Optional<TestUser> u = state.user(id);
        if (u.isEmpty()) {
            ex.json(404, Exchange.message("404 User Not Found"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", u.get().id());
        body.put("username", u.get().username());
        body.put("name", u.get().name());
        body.put("state", "active");
        body.put("avatar_url", server.baseUrl() + "/uploads/-/system/user/avatar/" + id + "/avatar.png");
        body.put("web_url", server.baseUrl() + "/" + u.get().username());
        ex.json(200, body);
    }

    Map<String, Object> user(TestUser u) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", u.id());
        body.put("username", u.username());
        body.put("name", u.name());
        body.put("state", "active");
        body.put("locked", false);
        body.put("avatar_url", server.baseUrl() + "/uploads/-/system/user/avatar/" + u.id() + "/avatar.png");
        body.put("web_url", server.baseUrl() + "/" + u.username());
        body.put("created_at", "2023-01-10T09:00:00.000Z");
        body.put("bio", "");
        body.put("public_email", null);
        body.put("bot", false);
        body.put("email", u.email());
        body.put("commit_email", u.email());
        body.put("identities", List.of());
        body.put("can_create_group", true);
        body.put("can_create_project", true);
        body.put("two_factor_enabled", u.twoFactorEnabled());
        body.put("external", false);
        body.put("private_profile", false);
        return body;
    }

    private Map<String, Object> tokenEntity(TestToken t) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", t.id);
        body.put("name", t.name);
        body.put("revoked", t.revoked);
        body.put("created_at", iso(t.createdAt));
        body.put("description", null);
        body.put("scopes", t.scopes);
        body.put("user_id", t.userId);
        body.put("last_used_at", t.lastUsedAt == null ? null : iso(t.lastUsedAt));
        body.put("active", t.isActive(state.today()));
        body.put("expires_at", t.expiresAt == null ? null : t.expiresAt.toString());
        body.put("last_used_ips", List.of("127.0.0.1"));
        return body;
    }

    private void rotate(Exchange ex, TestToken t) throws IOException {
        if (t.oauth) {
            ex.json(405, Exchange.message("405 Method Not Allowed"));
            return;
        }
        LocalDate expires = state.today().plusDays(7);
        String requested = ex.params().get("expires_at");
        if (requested != null && !requested.isBlank()) {
            expires = LocalDate.parse(requested);
        }
        TestToken fresh = state.rotate(t, expires);
        Map<String, Object> body = tokenEntity(fresh);
        body.put("token", fresh.value);
        ex.json(200, body);
    }

    /**
     * The caller's personal access tokens (no OAuth tokens, never a value), filtered by {@code state}
     * ({@code active}: neither revoked nor expired) and {@code revoked}, as a non-administrator sees
     * them: {@code user_id} of anyone else is GitLab's 401 (this server has no administrators).
     */
    private void listTokens(Exchange ex, TestToken t) throws IOException {
        String userId = ex.query.get("user_id");
        if (userId != null && !userId.equals(String.valueOf(t.userId))) {
            ex.json(401, Exchange.message("401 Unauthorized"));
            return;
        }
        String wantedState = ex.query.get("state");
        String revoked = ex.query.get("revoked");
        List<TestToken> mine = new ArrayList<>(state.tokensOf(t.userId).stream().filter(k -> !k.oauth).toList());
        mine.sort(java.util.Comparator.comparingLong(TestToken::id));
        List<Map<String, Object>> list = new ArrayList<>();
        for (TestToken k : mine) {
            boolean active = k.isActive(state.today());
            if (("active".equals(wantedState) && !active) || ("inactive".equals(wantedState) && active)
                    || (revoked != null && Boolean.parseBoolean(revoked) != k.revoked)) {
                continue;
            }
            list.add(tokenEntity(k));
        }
        paginated(ex, "/personal_access_tokens", list);
    }

    private void listKeys(Exchange ex, TestToken t) throws IOException {
        List<Map<String, Object>> list = new ArrayList<>();
        for (TestKey k : state.keysOf(t.userId)) {
            list.add(keyEntity(k));
        }
        paginated(ex, "/user/keys", list);
    }

    /** A page of a list, with GitLab's offset-pagination headers: X-* and Link (per_page 20 by default, 100 at most). */
    private void paginated(Exchange ex, String path, List<Map<String, Object>> list) throws IOException {
        int perPage = Math.max(1, Math.min(100, intParam(ex, "per_page", 20)));
        int pages = Math.max(1, (list.size() + perPage - 1) / perPage);
        int page = Math.max(1, intParam(ex, "page", 1));
        List<Map<String, Object>> slice = page > pages ? List.of()
                : list.subList((page - 1) * perPage, Math.min(list.size(), page * perPage));
        var h = ex.http.getResponseHeaders();
        h.set("X-Page", String.valueOf(page));
        h.set("X-Per-Page", String.valueOf(perPage));
        h.set("X-Total", String.valueOf(list.size()));
        h.set("X-Total-Pages", String.valueOf(pages));
        h.set("X-Next-Page", page < pages ? String.valueOf(page + 1) : "");
        h.set("X-Prev-Page", page > 1 && page <= pages ? String.valueOf(page - 1) : "");
        List<String> links = new ArrayList<>();
        if (page > 1 && page <= pages) {
            links.add(pageLink(ex, path, page - 1, "prev"));
        }
        if (page < pages) {
            links.add(pageLink(ex, path, page + 1, "next"));
        }
        links.add(pageLink(ex, path, 1, "first"));
        links.add(pageLink(ex, path, pages, "last"));
        h.set("Link", String.join(", ", links));
        ex.json(200, slice);
    }

    private String pageLink(Exchange ex, String path, int page, String rel) {
        Map<String, String> q = new LinkedHashMap<>(ex.query);
        q.put("page", String.valueOf(page));
        StringBuilder query = new StringBuilder();
        q.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return "<" + server.baseUrl() + "/api/v4" + path + "?" + query + ">; rel=\"" + rel + "\"";
    }

    private static int intParam(Exchange ex, String name, int absent) {
        try {
            return Integer.parseInt(ex.query.getOrDefault(name, String.valueOf(absent)));
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    private void getKey(Exchange ex, TestToken t, long id) throws IOException {
        Optional<TestKey> key = state.keysOf(t.userId).stream().filter(k -> k.id() == id).findFirst();
        if (key.isEmpty()) {
            ex.json(404, Exchange.message("404 Key Not Found"));
        } else {
            ex.json(200, keyEntity(key.get()));
        }
    }

    private void deleteKey(Exchange ex, TestToken t, long id) throws IOException {
        if (state.removeKey(t.userId, id)) {
            ex.empty(204);
        } else {
            ex.json(404, Exchange.message("404 Key Not Found"));
        }
    }

    private Map<String, Object> keyEntity(TestKey k) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", k.id());
        body.put("title", k.title());
        body.put("created_at", iso(k.createdAt()));
        body.put("expires_at", k.expiresAt() == null ? null : iso(k.expiresAt()));
        body.put("key", k.key());
        body.put("usage_type", k.usageType());
        return body;
    }

    private void addKey(Exchange ex, TestToken t) throws IOException {
        Map<String, String> p = ex.params();
        if (blank(p.get("key"))) {
            ex.json(400, Map.of("error", "key is missing"));
            return;
        }
        if (blank(p.get("title"))) {
            ex.json(400, Map.of("error", "title is missing"));
            return;
        }
        String usage = p.getOrDefault("usage_type", "auth_and_signing");
        if (!List.of("auth", "signing", "auth_and_signing").contains(usage)) {
            ex.json(400, Map.of("error", "usage_type does not have a valid value"));
            return;
        }
        Instant expires = null;
        if (!blank(p.get("expires_at"))) {
            try {
                expires = parseInstant(p.get("expires_at"));
            } catch (DateTimeParseException e) {
                ex.json(400, Map.of("error", "expires_at is invalid"));
                return;
            }
            if (!expires.isAfter(state.now())) {
                ex.json(400, Map.of("message", Map.of("key", List.of("has expired"))));
                return;
            }
        }
        PublicKey publicKey;
        String[] parts = p.get("key").trim().split("\\s+");
        try {
            publicKey = PublicKeyEntry.parsePublicKeyEntry(parts[0] + " " + (parts.length > 1 ? parts[1] : ""))
                    .resolvePublicKey(null, Map.of(), null);
            if (publicKey == null) {
                throw new IllegalArgumentException("unsupported");
            }
        } catch (Exception e) {
            Map<String, Object> errors = new LinkedHashMap<>();
            errors.put("key", List.of("type is forbidden. Must be RSA, ECDSA, ED25519, ECDSA_SK, or ED25519_SK",
                    "is invalid"));
            errors.put("fingerprint_sha256", List.of("cannot be generated"));
            ex.json(400, Map.of("message", errors));
            return;
        }
        String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, publicKey);
        String bare = fingerprint.startsWith("SHA256:") ? fingerprint.substring(7) : fingerprint;
        synchronized (state) {
            if (state.keyByFingerprint(bare).isPresent()) {
                ex.json(400, Map.of("message", Map.of("fingerprint_sha256", List.of("has already been taken"))));
                return;
            }
            TestUser u = state.user(t.userId).orElseThrow();
            // GitLab replaces the key's comment with the account name and host.
            String stored = parts[0] + " " + parts[1] + " " + u.name() + " (" + server.hostForComments() + ")";
            TestKey key = state.addKey(t.userId, p.get("title"), stored, publicKey, bare, expires, usage);
            ex.json(201, keyEntity(key));
        }
    }

    private void listProjects(Exchange ex, TestToken t) throws IOException {
        boolean membership = "true".equals(ex.query.get("membership"));
        String search = ex.query.getOrDefault("search", "").toLowerCase(java.util.Locale.ROOT);
        List<TestProject> found = new ArrayList<>();
        for (TestProject p : state.projects()) {
            if ((!membership || p.members().contains(t.userId))
                    && p.pathWithNamespace().toLowerCase(java.util.Locale.ROOT).contains(search)) {
                found.add(p);
            }
        }
        if ("last_activity_at".equals(ex.query.get("order_by"))) {
            // As GitLab: newest activity first with sort=desc (here, a higher id is more recent).
            found.sort(java.util.Comparator.comparingLong(TestProject::id).reversed());
        }
        ex.json(200, found.stream().map(this::projectEntity).toList());
    }

    private void getProject(Exchange ex, TestToken t, String idOrPath) throws IOException {
        Optional<TestProject> p = idOrPath.matches("\\d+")
                ? state.projectById(Long.parseLong(idOrPath)) : state.project(idOrPath);
        if (p.isEmpty() || !p.get().members().contains(t.userId)) {
            ex.json(404, Exchange.message("404 Project Not Found"));
            return;
        }
        ex.json(200, projectEntity(p.get()));
    }

    Map<String, Object> projectEntity(TestProject p) {
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("id", 10 + p.id());
        ns.put("name", p.namespace());
        ns.put("path", p.namespace());
        ns.put("kind", "group");
        ns.put("full_path", p.namespace());
        ns.put("parent_id", null);
        ns.put("avatar_url", null);
        ns.put("web_url", server.baseUrl() + "/groups/" + p.namespace());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", p.id());
        body.put("description", p.description());
        body.put("name", p.path());
        body.put("name_with_namespace", p.namespace() + " / " + p.path());
        body.put("path", p.path());
        body.put("path_with_namespace", p.pathWithNamespace());
        body.put("created_at", "2024-02-01T10:00:00.000Z");
        body.put("last_activity_at", String.format("2026-11-%02dT09:30:00.000Z", Math.min(28, p.id())));
        body.put("default_branch", "main");
        body.put("tag_list", List.of());
        body.put("topics", List.of());
        body.put("ssh_url_to_repo", state.sshUrlOverride() != null ? state.sshUrlOverride()
                : server.sshUrl(p.pathWithNamespace()));
        body.put("http_url_to_repo", state.httpUrlOverride() != null ? state.httpUrlOverride()
                : server.baseUrl() + "/" + p.pathWithNamespace() + ".git");
        body.put("web_url", server.baseUrl() + "/" + p.pathWithNamespace());
        body.put("readme_url", server.baseUrl() + "/" + p.pathWithNamespace() + "/-/blob/main/README.md");
        body.put("visibility", "private");
        body.put("namespace", ns);
        return body;
    }

    private static Instant parseInstant(String text) {
        if (text.length() == 10) {
            return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static final java.time.format.DateTimeFormatter ISO =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static String iso(Instant instant) {
        return ISO.format(instant);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
