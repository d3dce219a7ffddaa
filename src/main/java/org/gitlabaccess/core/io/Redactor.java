package org.gitlabaccess.core.io;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

/**
 * The one function that masks secrets in any text before a user, a log file or a report sees it.
 * By shape and position: GitLab tokens by their prefixes, the password (or token user name) of a
 * URL, {@code Authorization}/{@code PRIVATE-TOKEN}/{@code JOB-TOKEN} headers as header lines, JSON
 * or {@code -H} arguments, secret query parameters and JSON fields, netrc passwords. By value: the
 * exact tokens the product handled ({@link KnownSecrets}: only values that cannot be ordinary words).
 * Only the secret part is replaced, by {@link #MASK}: the rest of a URL or line stays byte for byte.
 */
public final class Redactor {
    public static final String MASK = "****";

    private static final LazyPattern GITLAB_TOKEN = new LazyPattern(
            "\\b(glpat|gloas|gldt|glrt|glptt|glft|glsoat|glimt|glagent|glcbt|glffct|glwt|glrtr|gltst)-"
                    + "([A-Za-z0-9_\\-.]{16,})");
    /** Runner registration tokens. */
    private static final LazyPattern RUNNER_TOKEN = new LazyPattern("\\bGR1348941[A-Za-z0-9_\\-]{6,}");
    /** What may follow a URL's user info: a host (name or bracketed IP), an optional port, then the path or the end. */
    private static final String HOST_AHEAD = "(?=(?:\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~%\\-]+)(?::\\d*)?"
            + "(?:[/?#\\s'\"<>),;\\]]|$))";
    private static final String SCHEME = "([A-Za-z][A-Za-z0-9+.\\-]*://)";
    /**
     * {@code scheme://user:password@host}: the password runs to the {@code @} before the host, so one
     * holding {@code @}, {@code :} or {@code /} is masked whole. The user may be an e-mail address.
     */
    private static final LazyPattern URL_PASSWORD = new LazyPattern(SCHEME
            + "([^\\s/@:'\"<>]*(?:@[^\\s/@:'\"<>]+)?):([^\\s'\"<>]*?)@" + HOST_AHEAD);
    /** {@code scheme://token@host}: a user name that is really a token. */
    private static final LazyPattern URL_USER = new LazyPattern(SCHEME + "([^\\s/@:'\"<>]+)@" + HOST_AHEAD);
    private static final LazyPattern PORT_AND_PATH = new LazyPattern("\\d{1,5}(?:[/?#].*)?");
    private static final String HEADER_SEPARATOR = "(\"?\\s*[:=]\\s*\\[?\\s*[\"']?)";
    private static final String HEADER_VALUE = "([^\\s\"',;\\]]+)";
    private static final LazyPattern AUTH_HEADER = new LazyPattern("(?i)\\b(authorization|proxy-authorization)"
            + HEADER_SEPARATOR + "((?:bearer|basic|token|negotiate|digest|ntlm)\\s+)?" + HEADER_VALUE);
    private static final LazyPattern TOKEN_HEADER = new LazyPattern(
            "(?i)\\b(private-token|job-token|deploy-token|x-gitlab-token)" + HEADER_SEPARATOR + HEADER_VALUE);
    private static final LazyPattern SECRET_PARAM = new LazyPattern(
            "(?i)\\b(access_token|refresh_token|private_token|id_token|client_secret|password|passwd|passphrase|"
                    + "device_code|code_verifier|token)(=)([^&\\s\"']+)");
    private static final LazyPattern SECRET_JSON = new LazyPattern(
            "(?i)(\"(?:access_token|refresh_token|private_token|id_token|client_secret|secret|password|passwd|"
                    + "passphrase|device_code|code_verifier|token|auth|identitytoken|registrytoken|runner_token|"
                    + "private-token|job-token|api_key|apikey)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final String NETRC_VALUE = "(\"[^\"\\n]*\"|[^\\s\"]\\S*)";
    /** A netrc line, or a line of netrc tokens: {@code [machine h] [login u] password p [...]}. */
    private static final LazyPattern NETRC_LINE = new LazyPattern("(?im)^([ \\t]*(?:(?:machine|login|account|port)[ \\t]+"
            + "\\S+[ \\t]+|default[ \\t]+)*(?:password|passwd)[ \\t]+)" + NETRC_VALUE
            + "(?=[ \\t]*$|[ \\t]+(?:machine|login|account|macdef|default|port|password|passwd)\\b)");
    /** The one-line form inside other text: {@code machine h login u password p}. */
    private static final LazyPattern NETRC_MACHINE = new LazyPattern("(?i)(\\bmachine[ \\t]+\\S+(?:[ \\t]+(?:login|account"
            + "|port)[ \\t]+\\S+)*[ \\t]+(?:password|passwd)[ \\t]+)" + NETRC_VALUE);

    private Redactor() {
    }

    /** Every secret masked: the ones the product handled by value, all others by shape. */
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
        return redactShapes(out);
    }

    /**
     * Secrets masked by shape and position only, never by value: for values that must stay exact
     * wherever no secret sits (a journaled URL), since a known value could also be part of one.
     *
     * <p>Each pattern runs only when the text holds a word every match of it must contain: most texts
     * (paths, URLs without user info, report lines) hold none, and running the ten patterns over
     * each line of a scan of hundreds of repositories cost more than reading their configurations.
     */
    public static String redactShapes(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        if (out.contains("gl")) {
            out = replace(GITLAB_TOKEN, out, m -> TokenShape.hasMixedClasses(m.group(2)) ? m.group(1) + "-" + MASK : m.group());
        }
        if (out.contains("GR1348941")) {
            out = RUNNER_TOKEN.matcher(out).replaceAll("GR1348941" + MASK);
        }
        if (out.contains("://") && out.indexOf('@') >= 0) {
            out = eachLine(out, Redactor::maskUserInfo);
        }
        // The case-insensitive patterns match ASCII letters only, which lower-casing keeps in place.
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.contains("authorization")) {
            out = replace(AUTH_HEADER, out, m -> m.group(1) + m.group(2) + (m.group(3) == null ? "" : m.group(3)) + MASK);
        }
        if (lower.contains("token")) {
            out = replace(TOKEN_HEADER, out, m -> m.group(1) + m.group(2) + MASK);
        }
        if (out.indexOf('=') >= 0) {
            out = replace(SECRET_PARAM, out, m -> m.group(1) + m.group(2) + MASK);
        }
        if (out.indexOf('"') >= 0) {
            out = replace(SECRET_JSON, out, m -> m.group(1) + MASK + m.group(3));
        }
        if (lower.contains("pass")) {
            out = replace(NETRC_LINE, out, m -> m.group(1) + MASK);
            out = replace(NETRC_MACHINE, out, m -> m.group(1) + MASK);
        }
        return out;
    }

    /**
     * A URL's password or token user name masked. Line by line, and only where the line has both
     * {@code ://} and {@code @}: no part of these patterns spans white space, and a report of hundreds
     * of URLs (most without user info) is otherwise scanned from every letter for a scheme.
     */
    private static String maskUserInfo(String line) {
        if (!line.contains("://") || line.indexOf('@') < 0) {
            return line;
        }
        String out = replace(URL_PASSWORD, line, m -> {
            String password = m.group(3);
            boolean portNotPassword = m.group(2).contains("@") && PORT_AND_PATH.matcher(password).matches();
            return password.isEmpty() || portNotPassword ? m.group() : m.group(1) + m.group(2) + ":" + MASK + "@";
        });
        return replace(URL_USER, out, m -> looksLikeCredential(m.group(2)) && !m.group(2).equals(MASK)
                ? m.group(1) + MASK + "@" : m.group());
    }

    /** The text with each line (its terminator kept) passed through the function. */
    private static String eachLine(String text, UnaryOperator<String> function) {
        if (text.indexOf('\n') < 0) {
            return function.apply(text);
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end + 1;
            out.append(function.apply(text.substring(start, end)));
            start = end;
        }
        return out.toString();
    }

    /**
     * Whether a value standing where a user name or a word could be is a credential: a GitLab token,
     * a random-looking string (see {@link TokenShape}) or a token the product handled.
     */
    public static boolean looksLikeCredential(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        // Standing where a user name would, a GitLab prefix decides alone; in running text it must also look random.
        return GITLAB_TOKEN.matcher(value).matches() || RUNNER_TOKEN.matcher(value).matches()
                || TokenShape.looksRandom(value) || KnownSecrets.values().contains(value);
    }

    private static String replace(LazyPattern p, String text, Function<MatchResult, String> replacement) {
        return p.matcher(text).replaceAll(m -> Matcher.quoteReplacement(replacement.apply(m)));
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
