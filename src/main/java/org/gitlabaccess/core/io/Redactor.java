package org.gitlabaccess.core.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one function that masks secrets in any text before a user, a log file or a report sees it:
 * GitLab tokens by their prefixes, passwords in URLs, authorization headers, Basic-auth blobs,
 * secret-looking query parameters and JSON fields, and every value ever wrapped in a {@link Secret}.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final Pattern GITLAB_TOKEN = Pattern.compile(
            "\\b(glpat|gloas|gldt|glrt|glptt|glft|glsoat|glimt|glagent|glcbt|glffct|glwt|glrtr|gltst)-"
                    + "[A-Za-z0-9_\\-.]{6,}");
    /** Runner registration tokens. */
    private static final Pattern RUNNER_TOKEN = Pattern.compile("\\bGR1348941[A-Za-z0-9_\\-]{6,}");
    /** {@code scheme://user:password@} — the user stays, the password goes. */
    private static final Pattern URL_PASSWORD = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.\\-]*://)([^/@\\s:]*):([^@/\\s]+)@");
    /** {@code scheme://token@} — a user name that is really a token (long and random-looking). */
    private static final Pattern URL_TOKEN_USER = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.\\-]*://)([A-Za-z0-9_\\-.]{20,})@");
    private static final Pattern AUTH_HEADER = Pattern.compile(
            "(?i)\\b(authorization|proxy-authorization)(\\s*[:=]\\s*\"?)(bearer|basic|token|negotiate)?(\\s*)([^\\s\",;]+)");
    private static final Pattern TOKEN_HEADER = Pattern.compile(
            "(?i)\\b(private-token|job-token|deploy-token|x-gitlab-token)(\\s*[:=]\\s*\"?)([^\\s\",;]+)");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)\\b(access_token|refresh_token|private_token|id_token|client_secret|password|passphrase|"
                    + "device_code|code_verifier|token)(=)([^&\\s\"]+)");
    private static final Pattern SECRET_JSON = Pattern.compile(
            "(?i)(\"(?:access_token|refresh_token|private_token|id_token|client_secret|password|passphrase|"
                    + "device_code|code_verifier|token|auth|identitytoken|registrytoken)\"\\s*:\\s*\")([^\"]*)(\")");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String known : KnownSecrets.values()) {
            if (out.contains(known)) {
                out = out.replace(known, MASK);
            }
        }
        out = GITLAB_TOKEN.matcher(out).replaceAll("$1-" + MASK);
        out = RUNNER_TOKEN.matcher(out).replaceAll("GR1348941" + MASK);
        out = URL_PASSWORD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + m.group(2) + ":" + MASK + "@"));
        out = URL_TOKEN_USER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2)
                + (m.group(3) == null ? "" : m.group(3) + m.group(4)) + MASK));
        out = TOKEN_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = SECRET_PARAM.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + MASK));
        out = SECRET_JSON.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + m.group(3)));
        return out;
    }

    /** A throwable's message chain, redacted, for a "copy details" box or a log line. */
    public static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (sb.length() > 0) {
                sb.append("\n  caused by: ");
            }
            sb.append(cur.getClass().getName());
            if (cur.getMessage() != null) {
                sb.append(": ").append(cur.getMessage());
            }
        }
        return redact(sb.toString());
    }
}
