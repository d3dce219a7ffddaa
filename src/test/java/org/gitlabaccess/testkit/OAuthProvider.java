package org.gitlabaccess.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitLab's OAuth 2.0 provider (Doorkeeper) as seen on the wire: authorization code with PKCE, the
 * device authorization grant, refresh and revocation, with Doorkeeper's error bodies. The browser's
 * side is played by tests: {@link #browserUser} is who is signed in there, {@link #browserApproves}
 * whether they click Authorize.
 */
public final class OAuthProvider {
    public static final String CLIENT_ID = "b6a0c5f4e2d1930817263544a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7";
    static final String INVALID_GRANT = "The provided authorization grant is invalid, expired, revoked, does not match "
            + "the redirection URI used in the authorization request, or was issued to another client.";
    static final String PENDING = "The authorization request is still pending as the end user hasn't yet completed "
            + "the user-interaction steps.";
    static final String SLOW_DOWN = "The authorization request is still pending and polling should continue, but the "
            + "interval MUST be increased by 5 seconds for this and all subsequent requests.";
    static final String EXPIRED_TOKEN = "The \"device_code\" has expired, and the device authorization session has "
            + "concluded.";
    static final String ACCESS_DENIED = "The resource owner or authorization server denied the request.";

    private final GitLabState state;
    private final GitLabTestServer server;
    public volatile String browserUser = Seed.ALICE;
    public volatile boolean browserApproves = true;
    public volatile int deviceInterval = 1;
    public volatile int deviceExpiresIn = 300;

    private record Grant(String clientId, String redirectUri, String challenge, long userId, List<String> scopes,
                         Instant expires) {
    }

    private static final class Device {
        final String userCode;
        final String clientId;
        final List<String> scopes;
        final Instant expires;
        volatile Long approvedBy;
        volatile boolean denied;
        volatile Instant lastPoll;

        Device(String userCode, String clientId, List<String> scopes, Instant expires) {
            this.userCode = userCode;
            this.clientId = clientId;
            this.scopes = scopes;
            this.expires = expires;
        }
    }

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Device> devices = new ConcurrentHashMap<>();
    private final Map<String, TestToken> refreshTokens = new ConcurrentHashMap<>();

    OAuthProvider(GitLabState state, GitLabTestServer server) {
        this.state = state;
        this.server = server;
    }

    boolean handles(String path) {
        return path.startsWith("/oauth/");
    }

    void handle(Exchange ex) throws IOException {
        switch (ex.method() + " " + ex.path) {
            case "GET /oauth/authorize" -> authorize(ex);
            case "POST /oauth/token" -> token(ex);
            case "POST /oauth/authorize_device" -> authorizeDevice(ex);
            case "GET /oauth/device" -> approveDevice(ex);
            case "POST /oauth/revoke" -> revoke(ex);
            default -> ex.json(404, Exchange.message("404 Not Found"));
        }
    }

    /** The browser's visit: redirects back with a code, or with access_denied. */
    private void authorize(Exchange ex) throws IOException {
        Map<String, String> p = ex.params();
        String redirect = p.getOrDefault("redirect_uri", "");
        URI r = URI.create(redirect);
        boolean loopback = "http".equals(r.getScheme()) && "127.0.0.1".equals(r.getHost());
        if (!CLIENT_ID.equals(p.get("client_id")) || !loopback) {
            ex.html(200, "<html><body><h1>An error has occurred</h1><p>Client authentication failed due to unknown "
                    + "client, no client authentication included, or unsupported authentication method.</p></body></html>");
            return;
        }
        String state = p.getOrDefault("state", "");
        String location;
        if (!browserApproves) {
            location = redirect + "?error=access_denied&error_description="
                    + URLEncoder.encode(ACCESS_DENIED, StandardCharsets.UTF_8) + "&state=" + enc(state);
        } else if (!"S256".equals(p.get("code_challenge_method")) || p.get("code_challenge") == null) {
            location = redirect + "?error=invalid_request&state=" + enc(state);
        } else {
            String code = state().newTokenValue("").substring(0, 20) + "c0de";
            long userId = state().userByName(browserUser).orElseThrow().id();
            codes.put(code, new Grant(CLIENT_ID, redirect, p.get("code_challenge"), userId, scopes(p.get("scope")),
                    state().now().plusSeconds(600)));
            location = redirect + "?code=" + enc(code) + "&state=" + enc(state);
        }
        ex.http.getResponseHeaders().set("Location", location);
        ex.html(302, "<html><body>You are being <a href=\"" + location + "\">redirected</a>.</body></html>");
    }

    private void token(Exchange ex) throws IOException {
        Map<String, String> p = ex.params();
        if (!CLIENT_ID.equals(p.get("client_id"))) {
            error(ex, 401, "invalid_client", "Client authentication failed due to unknown client, no client "
                    + "authentication included, or unsupported authentication method.");
            return;
        }
        switch (p.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Grant g = codes.remove(p.getOrDefault("code", ""));
                if (g == null || !g.redirectUri().equals(p.get("redirect_uri")) || g.expires().isBefore(state().now())
                        || p.get("code_verifier") == null || !g.challenge().equals(challenge(p.get("code_verifier")))) {
                    error(ex, 400, "invalid_grant", INVALID_GRANT);
                    return;
                }
                issue(ex, g.userId(), g.scopes());
            }
            case "refresh_token" -> {
                TestToken old = refreshTokens.remove(p.getOrDefault("refresh_token", ""));
                if (old == null || old.revoked) {
                    error(ex, 400, "invalid_grant", INVALID_GRANT);
                    return;
                }
                old.revoked = true;
                issue(ex, old.userId, old.scopes);
            }
            case "urn:ietf:params:oauth:grant-type:device_code" -> pollDevice(ex, p.getOrDefault("device_code", ""));
            default -> error(ex, 400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        }
    }

    private void authorizeDevice(Exchange ex) throws IOException {
        Map<String, String> p = ex.params();
        if (!CLIENT_ID.equals(p.get("client_id"))) {
            error(ex, 401, "invalid_client", "Client authentication failed due to unknown client, no client "
                    + "authentication included, or unsupported authentication method.");
            return;
        }
        String deviceCode = state().newTokenValue("") + state().newTokenValue("");
        String userCode = state().newTokenValue("").replaceAll("[^A-Za-z0-9]", "").toUpperCase().substring(0, 8);
        devices.put(deviceCode, new Device(userCode, CLIENT_ID, scopes(p.get("scope")),
                state().now().plusSeconds(deviceExpiresIn)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", deviceCode);
        body.put("user_code", userCode);
        body.put("verification_uri", server.baseUrl() + "/oauth/device");
        body.put("verification_uri_complete", server.baseUrl() + "/oauth/device?user_code=" + userCode);
        body.put("expires_in", deviceExpiresIn);
        body.put("interval", deviceInterval);
        ex.http.getResponseHeaders().set("Cache-Control", "no-store");
        ex.json(200, body);
    }

    /** The user's visit to the verification page, signed in as {@link #browserUser}. */
    private void approveDevice(Exchange ex) throws IOException {
        String userCode = ex.query.getOrDefault("user_code", "");
        Device d = devices.values().stream().filter(x -> x.userCode.equals(userCode)).findFirst().orElse(null);
        if (d == null) {
            ex.html(404, "<html><body>Unknown code</body></html>");
            return;
        }
        if (browserApproves) {
            d.approvedBy = state().userByName(browserUser).orElseThrow().id();
        } else {
            d.denied = true;
        }
        ex.html(200, "<html><body>" + (browserApproves ? "Device authorized" : "Denied") + "</body></html>");
    }

    private void pollDevice(Exchange ex, String deviceCode) throws IOException {
        Device d = devices.get(deviceCode);
        if (d == null) {
            error(ex, 400, "invalid_grant", INVALID_GRANT);
            return;
        }
        Instant now = state().now();
        Instant last = d.lastPoll;
        d.lastPoll = now;
        if (now.isAfter(d.expires)) {
            error(ex, 400, "expired_token", EXPIRED_TOKEN);
        } else if (d.denied) {
            devices.remove(deviceCode);
            error(ex, 400, "access_denied", ACCESS_DENIED);
        } else if (d.approvedBy != null) {
            devices.remove(deviceCode);
            issue(ex, d.approvedBy, d.scopes);
        } else if (last != null && Duration.between(last, now).toMillis() < deviceInterval * 1000L - 200) {
            error(ex, 400, "slow_down", SLOW_DOWN);
        } else {
            error(ex, 400, "authorization_pending", PENDING);
        }
    }

    private void revoke(Exchange ex) throws IOException {
        Map<String, String> p = ex.params();
        if (!CLIENT_ID.equals(p.get("client_id"))) {
            error(ex, 403, "unauthorized_client", "You are not authorized to revoke this token");
            return;
        }
        state().token(p.getOrDefault("token", "")).ifPresent(t -> t.revoked = true);
        TestToken viaRefresh = refreshTokens.remove(p.getOrDefault("token", ""));
        if (viaRefresh != null) {
            viaRefresh.revoked = true;
        }
        ex.json(200, Map.of());
    }

    private void issue(Exchange ex, long userId, List<String> scopes) throws IOException {
        String access = state().newTokenValue("") + state().newTokenValue("");
        String refresh = state().newTokenValue("") + state().newTokenValue("");
        TestToken t = state().addOAuthToken(access, userId, scopes);
        refreshTokens.put(refresh, t);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", 7200);
        body.put("refresh_token", refresh);
        body.put("scope", String.join(" ", scopes));
        body.put("created_at", state().now().getEpochSecond());
        ex.http.getResponseHeaders().set("Cache-Control", "no-store");
        ex.json(200, body);
    }

    private static void error(Exchange ex, int status, String error, String description) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        ex.json(status, body);
    }

    /** User codes of device flows waiting for the user. */
    public List<String> pendingUserCodes() {
        return devices.values().stream().filter(d -> d.approvedBy == null && !d.denied).map(d -> d.userCode).toList();
    }

    /** Every access token issued through OAuth that is still accepted. */
    public long activeOAuthTokens() {
        return state().tokensOf(1).stream().filter(t -> t.oauth() && !t.revoked()).count()
                + state().tokensOf(2).stream().filter(t -> t.oauth() && !t.revoked()).count();
    }

    private GitLabState state() {
        return state;
    }

    private static List<String> scopes(String s) {
        return s == null || s.isBlank() ? List.of("api") : Arrays.stream(s.trim().split("\\s+")).toList();
    }

    private static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
