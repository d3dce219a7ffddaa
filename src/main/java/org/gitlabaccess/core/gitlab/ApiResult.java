package org.gitlabaccess.core.gitlab;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.io.TerminalSafe;

/**
 * One API call's result as a value: the outcome, the HTTP status, the JSON body when there was one,
 * what is needed to explain a failure (scopes GitLab asked for, the wait it asked for, the
 * certificate it presented), and for a list the next page's address as GitLab gave it.
 */
public record ApiResult(Outcome outcome, int status, JsonNode body, String detail, List<String> requiredScopes,
                        Optional<Duration> retryAfter, Optional<CertificateInfo> certificate, String url,
                        Optional<URI> nextPage) {

    public ApiResult(Outcome outcome, int status, JsonNode body, String detail, List<String> requiredScopes,
                     Optional<Duration> retryAfter, Optional<CertificateInfo> certificate, String url) {
        this(outcome, status, body, detail, requiredScopes, retryAfter, certificate, url, Optional.empty());
    }

    /** The subject and SHA-256 fingerprint of a certificate a server presented. */
    public record CertificateInfo(String subject, String issuer, String sha256) {
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }

    public boolean isNetworkOrTls() {
        return outcome.name().startsWith("NETWORK") || outcome.name().startsWith("TLS")
                || outcome == Outcome.PROXY_AUTHENTICATION || outcome == Outcome.REDIRECT_REFUSED;
    }

    /** The body's {@code message}, as a string, for GitLab's 400 answers. */
    public String message() {
        if (body == null || !body.has("message")) {
            return detail;
        }
        JsonNode m = body.get("message");
        String text = m.isTextual() ? m.asText() : m.toString();
        // Shown to the user: no terminal escapes, and not a megabyte of it.
        return TerminalSafe.line(text.length() > 500 ? text.substring(0, 500) + "…" : text);
    }
}
