package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

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
        Text newToken = createTokenUrl == null ? Text.of("error.token.new.hint")
                : Text.of("error.token.new-at.hint", createTokenUrl);
        return switch (r.outcome()) {
            case UNAUTHORIZED -> ProblemException.of(ProblemKind.AUTHENTICATION, "token-unknown",
                    Text.of("error.token-unknown", host), newToken);
            case TOKEN_EXPIRED -> ProblemException.of(ProblemKind.AUTHENTICATION, "token-expired",
                    Text.of("error.token-expired"), newToken);
            case TOKEN_REVOKED -> ProblemException.of(ProblemKind.AUTHENTICATION, "token-revoked",
                    Text.of("error.token-revoked"), newToken);
            case INSUFFICIENT_SCOPE -> ProblemException.of(ProblemKind.AUTHENTICATION, "token-scope",
                    Text.of("error.token-scope", alternatives(r.requiredScopes())), newToken);
            case NOT_GITLAB -> ProblemException.of(ProblemKind.NETWORK, "not-gitlab",
                    Text.of("error.not-gitlab", uri.getScheme() + "://" + host), Text.of("error.not-gitlab.hint"));
            case RATE_LIMITED -> ProblemException.of(ProblemKind.NETWORK, "rate-limited",
                    Text.of("error.rate-limited", host),
                    r.retryAfter().map(d -> Text.of("error.rate-limited.hint.seconds", Math.max(1, d.toSeconds())))
                            .orElse(Text.of("error.rate-limited.hint")));
            case SERVER_ERROR -> ProblemException.of(ProblemKind.NETWORK, "server-error",
                    Text.of("error.server-error", host, r.status()), Text.of("error.server-error.hint"));
            case NETWORK_DNS -> ProblemException.of(ProblemKind.NETWORK, "dns",
                    Text.of("error.dns", uri.getHost()), Text.of("error.dns.hint"));
            case NETWORK_REFUSED -> ProblemException.of(ProblemKind.NETWORK, "connection-refused",
                    Text.of("error.connection-refused", host), Text.of("error.connection-refused.hint"));
            case NETWORK_TIMEOUT -> ProblemException.of(ProblemKind.NETWORK, "timeout",
                    Text.of("error.timeout", host), Text.of("error.timeout.hint"));
            case PROXY_AUTHENTICATION -> ProblemException.of(ProblemKind.NETWORK, "proxy-authentication",
                    Text.of("error.proxy-authentication", http.proxy().describe(uri)),
                    Text.of("error.proxy-authentication.hint"));
            case TLS_UNTRUSTED -> ProblemException.of(ProblemKind.NETWORK, "tls-untrusted",
                    Text.of("error.tls-untrusted", host, r.certificate()
                            .map(c -> Text.of("error.tls-untrusted.certificate", c.subject(), c.issuer(), c.sha256()))
                            .orElse(Text.of("error.tls-untrusted.unknown-certificate"))),
                    Text.of("error.tls-untrusted.hint"));
            case TLS_OTHER -> ProblemException.of(ProblemKind.NETWORK, "tls",
                    Text.of("error.tls", host, r.detail()), Text.of("error.tls.hint"));
            case NETWORK_OTHER -> ProblemException.of(ProblemKind.NETWORK, "network",
                    Text.of("error.network", host, r.detail()), Text.of("error.network.hint"));
            case NETWORK_DEADLINE -> ProblemException.of(ProblemKind.NETWORK, "deadline",
                    Text.of("error.deadline", host, http.totalDeadline().toSeconds(), uri.getPath()),
                    Text.of("error.deadline.hint"));
            case NETWORK_TOO_LARGE -> ProblemException.of(ProblemKind.NETWORK, "answer-too-large",
                    Text.of("error.answer-too-large", host, uri.getPath(), HttpSettings.MAX_BODY / (1024 * 1024)),
                    Text.of("error.answer-too-large.hint"));
            case MALFORMED -> malformed(r, Text.of("error.malformed.not-json"));
            case FORBIDDEN -> ProblemException.of(ProblemKind.AUTHENTICATION, "forbidden",
                    Text.of("error.forbidden", host, r.message()), Text.of("error.forbidden.hint"));
            case NOT_FOUND -> ProblemException.of(ProblemKind.CHECK_FAILED, "not-found",
                    Text.of("error.not-found", host, r.message()), Text.of("error.not-found.hint"));
            case BAD_REQUEST -> ProblemException.of(ProblemKind.CHECK_FAILED, "bad-request",
                    Text.of("error.bad-request", host, r.status(), r.message()), Text.of("error.bad-request.hint"));
            case REDIRECT_REFUSED -> ProblemException.of(ProblemKind.NETWORK, "redirect-refused",
                    Text.of("error.redirect-refused", uri.getScheme() + "://" + host, r.detail()),
                    Text.of("error.redirect-refused.hint"));
            case OK -> throw new IllegalArgumentException("not a failure");
        };
    }

    /**
     * A 2xx answer that is not what GitLab sends: not JSON, or JSON of the wrong shape. Exit 4, as the
     * thing answering is not (or not behaving as) the GitLab API.
     *
     * @param what what was wrong (an {@code error.malformed.*} text naming the field)
     */
    public static ProblemException malformed(ApiResult r, Text what) {
        URI uri = URI.create(r.url());
        String host = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return ProblemException.of(ProblemKind.NETWORK, "malformed-answer",
                Text.of("error.malformed", host, uri.getPath(), what), Text.of("error.malformed.hint"));
    }

    /** "api or read_api" in the reader's language: each "or" is a text of its own. */
    private static Object alternatives(List<String> scopes) {
        if (scopes.isEmpty()) {
            return "";
        }
        Object joined = scopes.get(scopes.size() - 1);
        for (int i = scopes.size() - 2; i >= 0; i--) {
            joined = Text.of("error.either", scopes.get(i), joined);
        }
        return joined;
    }
}
