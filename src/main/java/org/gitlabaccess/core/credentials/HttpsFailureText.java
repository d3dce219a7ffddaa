package org.gitlabaccess.core.credentials;

import java.util.Locale;

/** Tells a failure apart by the words of git, curl, JGit and GitLab. */
final class HttpsFailureText {
    private HttpsFailureText() {
    }

    static HttpsCheckResult.Outcome classify(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains(TrustingHttpConnectionFactory.REDIRECT_REFUSED)) {
            return HttpsCheckResult.Outcome.REDIRECT_REFUSED;
        }
        if (t.contains("you are not allowed to upload code") || t.contains("git-receive-pack not permitted")) {
            return HttpsCheckResult.Outcome.NO_WRITE_ACCESS;
        }
        if (t.contains("http basic: access denied") || t.contains("authentication failed")
                || t.contains("not authorized") || t.contains("authentication not supported")) {
            return HttpsCheckResult.Outcome.ACCESS_DENIED;
        }
        if (t.contains("could not read username") || t.contains("could not read password")
                || t.contains("terminal prompts disabled") || t.contains("authentication is required but no")) {
            return HttpsCheckResult.Outcome.NO_CREDENTIAL;
        }
        if (t.contains("ssl certificate problem") || t.contains("server certificate verification failed")
                || t.contains("pkix path") || t.contains("unable to find valid certification path")
                || t.contains("certificate verify failed")) {
            return HttpsCheckResult.Outcome.TLS_UNTRUSTED;
        }
        if (t.contains("could not resolve host") || t.contains("unknownhost") || t.contains("unknown host")) {
            return HttpsCheckResult.Outcome.DNS;
        }
        if (t.contains("connection refused") || t.contains("failed to connect")) {
            return HttpsCheckResult.Outcome.CONNECTION_REFUSED;
        }
        if (t.contains("timed out") || t.contains("timeout")) {
            return HttpsCheckResult.Outcome.TIMEOUT;
        }
        if (t.contains("could not be found") || t.contains("not found")) {
            return HttpsCheckResult.Outcome.NOT_FOUND;
        }
        return HttpsCheckResult.Outcome.OTHER;
    }
}
