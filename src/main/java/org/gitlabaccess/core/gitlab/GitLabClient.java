package org.gitlabaccess.core.gitlab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.gitlabaccess.core.ProductInfo;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TerminalSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GitLab's REST API over {@link java.net.http.HttpClient}. Every call returns an {@link ApiResult}
 * (never a raw exception): idempotent calls are retried on 5xx and 429 with backoff, honouring
 * {@code Retry-After}; 4xx is never retried. Redirects are followed by hand ({@link RedirectPolicy}):
 * the token and any body go to the instance's origin only, whatever a redirect says.
 */
public final class GitLabClient {
    static final int MAX_ATTEMPTS = 4;
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** A server asking for a longer wait gets an answer now rather than a frozen screen. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(20);
    private static final int MAX_REDIRECTS = 5;
    /** Two documents in one answer are no answer: trailing tokens are an error, as GitLab never sends them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Logger LOG = LoggerFactory.getLogger(GitLabClient.class);

    private final HttpSettings http;
    private final String root;
    private final Secret token;
    private final boolean oauth;
    private final Sleeper sleeper;

    /**
     * @param instanceRoot e.g. {@code https://gitlab.example.com} or {@code https://example.com/gitlab}
     * @param token a personal access token or an OAuth access token; null for anonymous calls
     */
    public GitLabClient(HttpSettings http, String instanceRoot, Secret token, boolean oauth, Sleeper sleeper) {
        this.http = http;
        this.root = instanceRoot.endsWith("/") ? instanceRoot.substring(0, instanceRoot.length() - 1) : instanceRoot;
        this.token = token;
        this.oauth = oauth;
        this.sleeper = sleeper;
    }

    public GitLabClient(HttpSettings http, String instanceRoot, Secret token) {
        this(http, instanceRoot, token, false, Sleeper.REAL);
    }

    public String instanceRoot() {
        return root;
    }

    public HttpSettings http() {
        return http;
    }

    public boolean hasToken() {
        return token != null;
    }

    /** The same instance and settings with another credential. */
    public GitLabClient withToken(Secret other, boolean isOAuth) {
        return new GitLabClient(http, root, other, isOAuth, sleeper);
    }

    public ApiResult get(String apiPath) {
        return send("GET", root + "/api/v4" + apiPath, null, null, true);
    }

    public ApiResult post(String apiPath, Map<String, ?> json) {
        return send("POST", root + "/api/v4" + apiPath, toJson(json), "application/json", false);
    }

    /** A GET of an address GitLab gave (a list's next page); {@link ApiPages} checks its origin first. */
    ApiResult getAbsolute(URI address) {
        return send("GET", address.toString(), null, null, true);
    }

    public ApiResult delete(String apiPath) {
        return send("DELETE", root + "/api/v4" + apiPath, null, null, true);
    }

    /** A form POST below the instance root, without the API token (OAuth endpoints). */
    public ApiResult postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return withToken(null, false).send("POST", root + path, body, "application/x-www-form-urlencoded", false);
    }

    public static String encodePath(String projectPath) {
        return URLEncoder.encode(projectPath, StandardCharsets.UTF_8);
    }

    private static String toJson(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ApiResult send(String method, String url, String body, String contentType, boolean idempotent) {
        Duration backoff = FIRST_BACKOFF;
        ApiResult result = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            result = sendFollowingRedirects(method, url, body, contentType);
            boolean retryable = result.outcome() == Outcome.RATE_LIMITED
                    || (idempotent && result.outcome() == Outcome.SERVER_ERROR);
            if (!retryable || attempt == MAX_ATTEMPTS) {
                return result;
            }
            Duration wait = result.retryAfter().orElse(backoff);
            if (wait.compareTo(MAX_RETRY_AFTER) > 0) {
                return result;
            }
            LOG.info("{} {} answered {}; retrying in {} ms (attempt {} of {})", method, Redactor.redact(url),
                    result.status(), wait.toMillis(), attempt + 1, MAX_ATTEMPTS);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return result;
            }
            backoff = backoff.multipliedBy(2);
        }
        return result;
    }

    private ApiResult sendFollowingRedirects(String method, String url, String body, String contentType) {
        URI current = URI.create(url);
        Origin instance = Origin.of(current).orElse(null);
        Instant deadline = Instant.now().plus(http.totalDeadline());
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return failure(new BoundedExchange.DeadlineException(http.totalDeadline()), current);
            }
            // The token goes to the instance's origin only (RedirectPolicy never follows elsewhere with it).
            boolean withAuth = token != null && instance != null && instance.contains(current);
            HttpRequest.Builder b = HttpRequest.newBuilder(current)
                    .timeout(left.compareTo(http.requestTimeout()) < 0 ? left : http.requestTimeout())
                    .header("Accept", "application/json")
                    .header("User-Agent", "gitlab-access/" + ProductInfo.version());
            if (withAuth) {
                if (oauth) {
                    b.header("Authorization", "Bearer " + token.reveal());
                } else {
                    b.header("PRIVATE-TOKEN", token.reveal());
                }
            }
            if (body != null) {
                b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response;
            try {
                response = BoundedExchange.send(http.client(), b.build(), left, HttpSettings.MAX_BODY);
            } catch (IOException e) {
                return failure(e, current);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ApiResult(Outcome.NETWORK_OTHER, 0, null, "interrupted", List.of(), Optional.empty(),
                        Optional.empty(), current.toString());
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status >= 300 && status < 400 && status != 304 && location.isPresent()) {
                RedirectPolicy.Step step = RedirectPolicy.next(instance, current, method, token != null || body != null,
                        status, location.get());
                if (step.refused()) {
                    LOG.warn("{} {} redirected to {}: refused, another origin", method, Redactor.redact(current.toString()),
                            Redactor.redact(step.next().toString()));
                    return new ApiResult(Outcome.REDIRECT_REFUSED, status, null,
                            Origin.of(step.next()).map(Origin::toString).orElse(Redactor.redact(step.next().toString())),
                            List.of(), Optional.empty(), Optional.empty(), current.toString());
                }
                method = step.method();
                body = step.keepBody() ? body : null;
                current = step.next();
                continue;
            }
            return map(response, current);
        }
        return new ApiResult(Outcome.NOT_GITLAB, 0, null, "too many redirects", List.of(), Optional.empty(),
                Optional.empty(), current.toString());
    }

    private ApiResult map(HttpResponse<String> response, URI uri) {
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        JsonNode json = null;
        if (contentType.contains("json") || looksLikeJson(response.body())) {
            try {
                json = JSON.readTree(response.body());
                json = json == null || json.isMissingNode() ? null : json; // an empty body is no document
            } catch (IOException e) {
                json = null;
            }
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(GitLabClient::parseRetryAfter);
        String detail = json == null ? abbreviate(response.body()) : null;
        Outcome outcome;
        List<String> scopes = List.of();
        if (status >= 200 && status < 300) {
            boolean html = contentType.contains("html") || (json == null && response.body().stripLeading().startsWith("<"));
            // A body that is there but is no JSON at all is not GitLab's answer; its fields are checked by the callers.
            boolean malformed = json == null && !response.body().isBlank();
            outcome = html ? Outcome.NOT_GITLAB : malformed ? Outcome.MALFORMED : Outcome.OK;
        } else if (status == 401) {
            String error = json == null ? "" : json.path("error").asText("");
            String description = json == null ? "" : json.path("error_description").asText("").toLowerCase(Locale.ROOT);
            if (error.equals("invalid_token") && description.contains("expired")) {
                outcome = Outcome.TOKEN_EXPIRED;
            } else if (error.equals("invalid_token") && description.contains("revoked")) {
                outcome = Outcome.TOKEN_REVOKED;
            } else if (json == null && (contentType.contains("html"))) {
                outcome = Outcome.NOT_GITLAB;
            } else {
                outcome = Outcome.UNAUTHORIZED;
            }
        } else if (status == 403) {
            if (json != null && "insufficient_scope".equals(json.path("error").asText())) {
                outcome = Outcome.INSUFFICIENT_SCOPE;
                scopes = List.of(json.path("scope").asText("").trim().split("\\s+"));
            } else {
                outcome = Outcome.FORBIDDEN;
            }
        } else if (status == 404) {
            outcome = json == null ? Outcome.NOT_GITLAB : Outcome.NOT_FOUND;
        } else if (status == 407) {
            outcome = Outcome.PROXY_AUTHENTICATION;
        } else if (status == 429) {
            outcome = Outcome.RATE_LIMITED;
        } else if (status >= 500) {
            outcome = Outcome.SERVER_ERROR;
        } else if (status >= 400) {
            outcome = Outcome.BAD_REQUEST;
        } else {
            outcome = Outcome.NOT_GITLAB;
        }
        return new ApiResult(outcome, status, json, detail, scopes, retryAfter, Optional.empty(), uri.toString(),
                PageLinks.next(uri, response.headers()));
    }

    private ApiResult failure(IOException e, URI uri) {
        Outcome outcome;
        Optional<ApiResult.CertificateInfo> cert = Optional.empty();
        String message = String.valueOf(e.getMessage());
        if (message.contains("WWW-Authenticate header missing for response code 401")) {
            // The JDK's way of reporting GitLab's 401 when an authenticator is installed.
            return new ApiResult(Outcome.UNAUTHORIZED, 401, null, "401 Unauthorized", List.of(), Optional.empty(),
                    Optional.empty(), uri.toString());
        }
        if (e instanceof BoundedExchange.DeadlineException) {
            outcome = Outcome.NETWORK_DEADLINE;
        } else if (e instanceof BoundedExchange.BodyTooLargeException) {
            outcome = Outcome.NETWORK_TOO_LARGE;
        } else if (hasCause(e, UnknownHostException.class)) {
            outcome = Outcome.NETWORK_DNS;
        } else if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException) {
            outcome = Outcome.NETWORK_TIMEOUT;
        } else if (hasCause(e, SSLHandshakeException.class) || hasCause(e, SSLException.class)) {
            X509Certificate refused = http.lastRefusedCertificate();
            if (refused != null) {
                outcome = Outcome.TLS_UNTRUSTED;
                cert = Optional.of(new ApiResult.CertificateInfo(refused.getSubjectX500Principal().getName(),
                        refused.getIssuerX500Principal().getName(), TrustStores.sha256Fingerprint(refused)));
            } else {
                outcome = Outcome.TLS_OTHER;
            }
        } else if (message.contains("407")) {
            outcome = Outcome.PROXY_AUTHENTICATION;
        } else if (hasCause(e, ConnectException.class)) {
            outcome = Outcome.NETWORK_REFUSED;
        } else {
            outcome = Outcome.NETWORK_OTHER;
        }
        LOG.info("{} failed: {}", Redactor.redact(uri.toString()), Redactor.describe(e));
        return new ApiResult(outcome, 0, null, Redactor.redact(e.getClass().getSimpleName() + ": " + message),
                List.of(), Optional.empty(), cert, uri.toString());
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException e2) {
                return Optional.empty();
            }
        }
    }

    private static boolean looksLikeJson(String body) {
        String b = body == null ? "" : body.stripLeading();
        return b.startsWith("{") || b.startsWith("[");
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String head = body.length() > 1000 ? body.substring(0, 1000) : body;
        String oneLine = TerminalSafe.line(head.replaceAll("\\s+", " ").trim());
        return Redactor.redact(oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
