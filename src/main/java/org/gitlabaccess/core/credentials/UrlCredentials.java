package org.gitlabaccess.core.credentials;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.gitlabaccess.core.io.Secret;

/**
 * The user name and password a URL embeds ({@code https://user:password@host/...}), taken apart the
 * way git's {@code credential_from_url} does (the first {@code @} before the path ends them, each part
 * percent-decoded), so that a check can hand them to git through the credential protocol and run git
 * with the bare URL: a URL in a child's arguments is readable by every local user.
 */
public record UrlCredentials(String bareUrl, String username, Secret password) implements AutoCloseable {

    /** The URL's credentials, if it has user info; empty for a URL without. */
    public static Optional<UrlCredentials> of(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return Optional.empty();
        }
        int start = schemeEnd + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int at = url.indexOf('@', start);
        if (at < 0 || at >= end) {
            return Optional.empty();
        }
        String userInfo = url.substring(start, at);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        Secret password = colon < 0 ? null : Secret.exact(decode(userInfo.substring(colon + 1)));
        return Optional.of(new UrlCredentials(url.substring(0, start) + url.substring(at + 1), user, password));
    }

    /** Whether a part holds a line break or NUL, which would end or forge a line of the credential protocol. */
    boolean breaksTheProtocol() {
        String p = password == null ? "" : password.reveal();
        return (username + p).chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == 0);
    }

    /** The credential protocol's answer: {@code username=} and, when there is one, {@code password=}. */
    byte[] helperAnswer() {
        String answer = "username=" + username + "\n" + (password == null ? "" : "password=" + password.reveal() + "\n");
        return answer.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-decoding as git does it for user info: {@code %XX} only, a {@code +} stays a plus. */
    static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (password != null) {
            password.close();
        }
    }

    @Override
    public String toString() {
        return "UrlCredentials[" + bareUrl + "]";
    }
}
