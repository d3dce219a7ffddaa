package org.gitlabaccess.core.gitlab.oauth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.ApiProblems;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.JsonFields;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TerminalSafe;

/**
 * Browser sign-in with GitLab's OAuth 2.0 provider, as Git Credential Manager and glab do it:
 * authorization code with PKCE and a loopback redirect, or the device authorization grant for
 * machines without a usable browser. Also refresh and revocation.
 */
public final class OAuthClient {
    public static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(5);
    static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final GitLabClient gitlab;
    private final String clientId;
    private final Clock clock;
    private final Sleeper sleeper;

    public OAuthClient(GitLabClient gitlab, String clientId, Clock clock, Sleeper sleeper) {
        this.gitlab = gitlab;
        this.clientId = clientId;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public String clientId() {
        return clientId;
    }

    /** What the user must do for the device flow. */
    public record DeviceCode(String userCode, String verificationUri, String verificationUriComplete,
                             Duration expiresIn, Duration interval) {
    }

    /** Authorization code + PKCE: opens the browser and waits for the loopback redirect. */
    public OAuthTokens signInWithBrowser(List<String> scopes, BrowserOpener browser, Consumer<String> showUrl,
                                         Duration timeout) {
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomState();
        try (LoopbackReceiver receiver = new LoopbackReceiver()) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("client_id", clientId);
            query.put("redirect_uri", receiver.redirectUri());
            query.put("response_type", "code");
            query.put("state", state);
            query.put("scope", String.join(" ", scopes));
            query.put("code_challenge", pkce.challenge());
            query.put("code_challenge_method", "S256");
            String url = gitlab.instanceRoot() + "/oauth/authorize?" + form(query);
            showUrl.accept(url);
            browser.open(url);
            Map<String, String> back;
            try {
                back = receiver.await(timeout);
            } catch (TimeoutException e) {
                throw ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-timeout",
                        Text.of("error.oauth-timeout", timeout.toMinutes()), Text.of("error.oauth-timeout.hint"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-cancelled",
                        Text.of("error.oauth-cancelled.browser"), Text.of("error.oauth-cancelled.hint"));
            }
            if (back.containsKey("error")) {
                throw denied(back.get("error"), back.get("error_description"));
            }
            if (!state.equals(back.get("state"))) {
                throw ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-state",
                        Text.of("error.oauth-state"), Text.of("error.oauth-state.hint"));
            }
            Map<String, String> params = new LinkedHashMap<>();
            params.put("grant_type", "authorization_code");
            params.put("code", back.get("code"));
            params.put("redirect_uri", receiver.redirectUri());
            params.put("client_id", clientId);
            params.put("code_verifier", pkce.verifier());
            return tokens(gitlab.postForm("/oauth/token", params));
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "loopback",
                    Text.of("error.loopback"), Text.of("error.loopback.hint"), e);
        }
    }

    /** Polls until the user approves (or denies, or the code expires), at the interval GitLab asks. */
    private OAuthTokens pollDeviceFlow(String deviceCode, DeviceCode code, BooleanSupplier cancelled) {
        Duration interval = code.interval();
        Instant deadline = clock.instant().plus(code.expiresIn());
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-cancelled",
                        Text.of("error.oauth-cancelled.device"), Text.of("error.oauth-cancelled.hint"));
            }
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-cancelled",
                        Text.of("error.oauth-cancelled.device"), Text.of("error.oauth-cancelled.hint"));
            }
            ApiResult r = gitlab.postForm("/oauth/token", Map.of("grant_type", DEVICE_GRANT,
                    "device_code", deviceCode, "client_id", clientId));
            if (r.ok()) {
                return tokens(r);
            }
            String error = r.body() == null ? "" : r.body().path("error").asText("");
            switch (error) {
                case "authorization_pending" -> {
                    if (clock.instant().isAfter(deadline)) {
                        throw expired();
                    }
                }
                case "slow_down" -> interval = interval.plusSeconds(5);
                case "expired_token" -> throw expired();
                case "access_denied" -> throw denied(error, r.body().path("error_description").asText(null));
                default -> throw oauthFailure(r);
            }
        }
    }

    public OAuthTokens refresh(OAuthTokens tokens) {
        ApiResult r = gitlab.postForm("/oauth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken().reveal(), "client_id", clientId));
        return tokens(r);
    }

    /** Revokes the access token; the refresh token goes with it. */
    public void revoke(OAuthTokens tokens) {
        ApiResult r = gitlab.postForm("/oauth/revoke", Map.of("token", tokens.accessToken().reveal(),
                "client_id", clientId));
        if (!r.ok()) {
            throw oauthFailure(r);
        }
    }

    /** Starts the device flow and keeps the device code to itself. */
    public DeviceSession startDevice(List<String> scopes) {
        ApiResult r = gitlab.postForm("/oauth/authorize_device", Map.of("client_id", clientId,
                "scope", String.join(" ", scopes)));
        if (!r.ok()) {
            throw oauthFailure(r);
        }
        JsonFields b = JsonFields.object(r);
        // Bounded: GitLab's codes live minutes and ask for polls seconds apart; other values would hold the run.
        long expiresIn = Math.min(Math.max(b.optionalNumber("expires_in").orElse(300), 1), 3600);
        long interval = Math.min(Math.max(b.optionalNumber("interval").orElse(5), 1), 60);
        DeviceCode code = new DeviceCode(b.display("user_code"), b.display("verification_uri"),
                b.optionalText("verification_uri_complete").map(TerminalSafe::line).orElse(null),
                Duration.ofSeconds(expiresIn), Duration.ofSeconds(interval));
        return new DeviceSession(code, Secret.of(b.text("device_code")));
    }

    /** A device flow in progress. */
    public record DeviceSession(DeviceCode code, Secret deviceCode) {
    }

    public OAuthTokens awaitDevice(DeviceSession session, BooleanSupplier cancelled) {
        return pollDeviceFlow(session.deviceCode().reveal(), session.code(), cancelled);
    }

    private OAuthTokens tokens(ApiResult r) {
        if (!r.ok()) {
            throw oauthFailure(r);
        }
        JsonFields b = JsonFields.object(r);
        OptionalLong createdAt = b.optionalNumber("created_at");
        OptionalLong expiresIn = b.optionalNumber("expires_in");
        Instant created;
        Instant expires;
        try {
            created = createdAt.isPresent() ? Instant.ofEpochSecond(createdAt.getAsLong()) : clock.instant();
            expires = expiresIn.isPresent() ? created.plusSeconds(expiresIn.getAsLong()) : null;
        } catch (DateTimeException | ArithmeticException e) {
            throw ApiProblems.malformed(r, Text.of("error.malformed.not-a-date", "created_at + expires_in"));
        }
        List<String> scopes = Arrays.stream(TerminalSafe.line(b.optionalText("scope").orElse("")).split("\\s+"))
                .filter(s -> !s.isBlank()).toList();
        Secret refresh = b.optionalText("refresh_token").map(Secret::of).orElse(null);
        return new OAuthTokens(Secret.of(b.text("access_token")), refresh, expires, scopes);
    }

    private ProblemException oauthFailure(ApiResult r) {
        if (r.isNetworkOrTls() || r.body() == null) {
            return ApiProblems.of(r, gitlab.http(), null);
        }
        String error = TerminalSafe.line(r.body().path("error").asText(""));
        String description = TerminalSafe.line(r.body().path("error_description").asText(""));
        return switch (error) {
            case "invalid_client", "unauthorized_client" -> ProblemException.of(ProblemKind.AUTHENTICATION,
                    "oauth-client", Text.of("error.oauth-client", clientId, error), Text.of("error.oauth-client.hint"));
            case "invalid_grant" -> ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-invalid-grant",
                    Text.of("error.oauth-invalid-grant", description), Text.of("error.oauth-invalid-grant.hint"));
            case "invalid_scope" -> ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-scope",
                    Text.of("error.oauth-scope", description), Text.of("error.oauth-scope.hint"));
            default -> ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-error",
                    description.isBlank() ? Text.of("error.oauth-error", error)
                            : Text.of("error.oauth-error.described", error, description),
                    Text.of("error.oauth-error.hint"));
        };
    }

    private static ProblemException denied(String error, String description) {
        return ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-denied",
                Text.of("error.oauth-denied", error), Text.of("error.oauth-denied.hint"));
    }

    private static ProblemException expired() {
        return ProblemException.of(ProblemKind.AUTHENTICATION, "oauth-expired",
                Text.of("error.oauth-expired"), Text.of("error.oauth-expired.hint"));
    }

    private static String form(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return sb.toString();
    }
}
