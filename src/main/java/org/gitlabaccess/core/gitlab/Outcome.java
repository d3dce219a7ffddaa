package org.gitlabaccess.core.gitlab;

/** What an API call came to; every response and every failure maps to one of these. */
public enum Outcome {
    OK,
    UNAUTHORIZED,
    TOKEN_EXPIRED,
    TOKEN_REVOKED,
    INSUFFICIENT_SCOPE,
    FORBIDDEN,
    NOT_FOUND,
    BAD_REQUEST,
    RATE_LIMITED,
    SERVER_ERROR,
    /** The answer was not GitLab's API: an HTML page (a sign-in page, an SSO proxy, the wrong host). */
    NOT_GITLAB,
    PROXY_AUTHENTICATION,
    NETWORK_DNS,
    NETWORK_REFUSED,
    NETWORK_TIMEOUT,
    NETWORK_OTHER,
    /** The answer did not arrive whole within the total deadline (a server trickling its body). */
    NETWORK_DEADLINE,
    /** The answer's body was larger than the cap; the rest was not read. */
    NETWORK_TOO_LARGE,
    /** A 2xx answer whose body is not the JSON GitLab sends. */
    MALFORMED,
    TLS_UNTRUSTED,
    TLS_OTHER,
    /** A redirect to another origin (scheme, host, port) of a request with a token or a body: not followed. */
    REDIRECT_REFUSED
}
