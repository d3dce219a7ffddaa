package org.gitlabaccess.core.repos;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlabaccess.core.io.Redactor;

/**
 * A remote URL taken apart the way git reads it: {@code scheme://[user[:password]@]host[:port]/path},
 * the scp-like {@code [user@]host:path}, or a local path. Holds the raw text, which may carry a
 * secret: show {@link #redacted()}, journal {@link #withoutCredentials()}.
 */
public final class GitUrl {
    private static final Pattern URL = Pattern.compile(
            "(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?:(?<userinfo>[^@/]*)@)?(?<host>\\[[^\\]]+\\]|[^/:?#]*)"
                    + "(?::(?<port>\\d*))?(?<path>[/?#].*)?");
    /** scp-like: no slash before the first colon, and not a Windows drive letter. */
    private static final Pattern SCP = Pattern.compile("(?:(?<user>[^@/:]+)@)?(?<host>\\[[^\\]]+\\]|[^/:]{2,}):(?<path>.*)");

    /** How the URL reaches its repository. */
    public enum Transport {
        HTTPS, HTTP, SSH, SCP, GIT, FILE, LOCAL, OTHER
    }

    private final String raw;
    private final Transport transport;
    private final String user;
    private final boolean hasPassword;
    private final String host;
    private final int port;
    private final String path;

    private GitUrl(String raw, Transport transport, String user, boolean hasPassword, String host, int port,
                   String path) {
        this.raw = raw;
        this.transport = transport;
        this.user = user;
        this.hasPassword = hasPassword;
        this.host = host;
        this.port = port;
        this.path = path;
    }

    public static GitUrl parse(String raw) {
        String text = raw == null ? "" : raw.strip();
        Matcher m = URL.matcher(text);
        if (m.matches()) {
            String scheme = m.group("scheme").toLowerCase(Locale.ROOT);
            Transport t = switch (scheme) {
                case "https" -> Transport.HTTPS;
                case "http" -> Transport.HTTP;
                case "ssh", "git+ssh", "ssh+git" -> Transport.SSH;
                case "git" -> Transport.GIT;
                case "file" -> Transport.FILE;
                default -> Transport.OTHER;
            };
            String userinfo = m.group("userinfo");
            String user = userinfo == null ? null : userinfo.contains(":")
                    ? userinfo.substring(0, userinfo.indexOf(':')) : userinfo;
            boolean password = userinfo != null && userinfo.contains(":");
            int port = m.group("port") == null || m.group("port").isEmpty() ? -1 : Integer.parseInt(m.group("port"));
            return new GitUrl(raw, t, user, password, unbracket(m.group("host")).toLowerCase(Locale.ROOT), port,
                    m.group("path") == null ? "" : m.group("path"));
        }
        Matcher s = SCP.matcher(text);
        if (!text.startsWith("/") && !text.startsWith(".") && s.matches()) {
            return new GitUrl(raw, Transport.SCP, s.group("user"), false,
                    unbracket(s.group("host")).toLowerCase(Locale.ROOT), -1, s.group("path"));
        }
        return new GitUrl(raw, Transport.LOCAL, null, false, "", -1, text);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The text exactly as configured; may contain a secret. Never show or store it. */
    public String raw() {
        return raw;
    }

    public Transport transport() {
        return transport;
    }

    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public String host() {
        return host;
    }

    /** The explicit port, or -1. */
    public int port() {
        return port;
    }

    public String path() {
        return path;
    }

    public boolean isSsh() {
        return transport == Transport.SSH || transport == Transport.SCP;
    }

    public boolean isHttp() {
        return transport == Transport.HTTPS || transport == Transport.HTTP;
    }

    /** A password in the URL, or a user name that is really a token (a long random string, a {@code glpat-}). */
    public boolean hasEmbeddedCredentials() {
        return hasPassword || user != null && isHttp() && Redactor.looksLikeCredential(user);
    }

    /** For display: every secret masked. */
    public String redacted() {
        return Redactor.redact(raw);
    }

    /**
     * The URL with user and password removed when it carried credentials (through the last {@code @}
     * before the path, so no part of a password holding {@code @} stays); otherwise unchanged, byte
     * for byte. The only form of a remote URL that may be written to a journal: it is masked by shape
     * only, never by value, so a known secret that happens to be part of a host name does not corrupt it.
     */
    public String withoutCredentials() {
        String text = raw;
        if (hasEmbeddedCredentials()) {
            int schemeEnd = text.indexOf("://") + 3;
            int end = schemeEnd;
            while (end < text.length() && "/?#".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            int at = text.lastIndexOf('@', end - 1);
            if (at >= schemeEnd) {
                text = text.substring(0, schemeEnd) + text.substring(at + 1);
            }
        }
        return Redactor.redactShapes(text);
    }

    @Override
    public String toString() {
        return redacted();
    }
}
