package org.gitlabaccess.core.gitlab;

import java.net.URI;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;

/** Turns a failed {@link ApiResult} into the two sentences a user sees: what happened, what to do. */
public final class ApiProblems {
    private ApiProblems() {
    }

    /**
     * @param createTokenUrl the pre-filled creation page to offer when the token is the problem
     */
    public static ProblemException of(ApiResult r, HttpSettings http, String createTokenUrl) {
        URI uri = URI.create(r.url());
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String newToken = createTokenUrl == null ? "Create a new personal access token in GitLab and try again."
                : "Create a new one at " + createTokenUrl + " and try again.";
        return switch (r.outcome()) {
            case UNAUTHORIZED -> new ProblemException(ProblemKind.AUTHENTICATION, "token-unknown",
                    "GitLab at " + host + " does not accept this token: it is mistyped, was deleted, or belongs to "
                            + "another GitLab instance.", newToken);
            case TOKEN_EXPIRED -> new ProblemException(ProblemKind.AUTHENTICATION, "token-expired",
                    "This token has expired, so GitLab refuses it.", newToken);
            case TOKEN_REVOKED -> new ProblemException(ProblemKind.AUTHENTICATION, "token-revoked",
                    "This token was revoked, so GitLab refuses it.", newToken);
            case INSUFFICIENT_SCOPE -> new ProblemException(ProblemKind.AUTHENTICATION, "token-scope",
                    "This token lacks the scope this step needs (GitLab asks for: "
                            + String.join(" or ", r.requiredScopes()) + ").", newToken);
            case NOT_GITLAB -> new ProblemException(ProblemKind.NETWORK, "not-gitlab",
                    "The address " + uri.getScheme() + "://" + host + " answered with a web page instead of GitLab's "
                            + "API: it is not a GitLab address, or a sign-in proxy stands in front of it.",
                    "Check the address (the one you open in the browser to use GitLab), including any path such "
                            + "as /gitlab; behind a single sign-on proxy, ask IT how tools reach the API.");
            case RATE_LIMITED -> new ProblemException(ProblemKind.NETWORK, "rate-limited",
                    "GitLab at " + host + " is limiting requests from this computer (HTTP 429).",
                    r.retryAfter().map(d -> "Wait " + Math.max(1, d.toSeconds()) + " seconds, then try again.")
                            .orElse("Wait a minute, then try again."));
            case SERVER_ERROR -> new ProblemException(ProblemKind.NETWORK, "server-error",
                    "GitLab at " + host + " kept failing with an internal error (HTTP " + r.status() + ").",
                    "Try again in a few minutes; if it persists, tell your GitLab administrators.");
            case NETWORK_DNS -> new ProblemException(ProblemKind.NETWORK, "dns",
                    "The name " + uri.getHost() + " could not be found.",
                    "Check the spelling of the address; for a company GitLab, connect to the company network or VPN.");
            case NETWORK_REFUSED -> new ProblemException(ProblemKind.NETWORK, "connection-refused",
                    "Nothing answered at " + host + " (connection refused).",
                    "Check the address and port; the server may be down.");
            case NETWORK_TIMEOUT -> new ProblemException(ProblemKind.NETWORK, "timeout",
                    host + " did not answer in time.",
                    "Check your network, VPN and proxy settings (HTTPS_PROXY), then try again.");
            case PROXY_AUTHENTICATION -> new ProblemException(ProblemKind.NETWORK, "proxy-authentication",
                    "The proxy " + http.proxy().describe(uri) + " requires a user name and password (HTTP 407).",
                    "Put them in HTTPS_PROXY as http://user:password@proxy:port, or ask IT for the proxy settings.");
            case TLS_UNTRUSTED -> new ProblemException(ProblemKind.NETWORK, "tls-untrusted",
                    "The certificate of " + host + " is not trusted: "
                            + r.certificate().map(c -> "subject " + c.subject() + ", issued by " + c.issuer()
                                    + ", SHA-256 fingerprint " + c.sha256()).orElse("unknown certificate") + ".",
                    "If your company uses its own certificate authority, get its CA certificate (PEM) from IT and "
                            + "run again with --ca-file FILE (or caFile in the site configuration); compare the "
                            + "fingerprint with the one IT gives you.");
            case TLS_OTHER -> new ProblemException(ProblemKind.NETWORK, "tls",
                    "The secure connection to " + host + " failed (" + r.detail() + ").",
                    "Check the address and port (https), and any proxy that inspects TLS.");
            case NETWORK_OTHER -> new ProblemException(ProblemKind.NETWORK, "network",
                    "The connection to " + host + " failed (" + r.detail() + ").",
                    "Check your network connection, then try again.");
            case FORBIDDEN -> new ProblemException(ProblemKind.AUTHENTICATION, "forbidden",
                    "GitLab at " + host + " refused this request (HTTP 403: " + r.message() + ").",
                    "Ask your GitLab administrators whether your account may do this.");
            case NOT_FOUND -> new ProblemException(ProblemKind.CHECK_FAILED, "not-found",
                    "GitLab at " + host + " has no such resource (HTTP 404: " + r.message() + ").",
                    "Check the project path or the instance address.");
            case BAD_REQUEST -> new ProblemException(ProblemKind.CHECK_FAILED, "bad-request",
                    "GitLab at " + host + " rejected the request (HTTP " + r.status() + ": " + r.message() + ").",
                    "Check the values given; run with --verbose for details.");
            case OK -> throw new IllegalArgumentException("not a failure");
        };
    }
}
