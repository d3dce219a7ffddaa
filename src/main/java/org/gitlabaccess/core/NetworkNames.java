package org.gitlabaccess.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.gitlabaccess.core.io.TerminalSafe;

/**
 * Host names and ports checked before they reach {@code ~/.ssh/config}, {@code known_hosts}, a
 * remote URL or a child's arguments. A host is an RFC 1123 name (letters, digits, hyphens; labels of
 * 1-63 characters not starting or ending with a hyphen; 253 characters at most; one trailing dot
 * dropped), a dotted IPv4 address or an IPv6 literal (brackets dropped, no zone). Everything else
 * (whitespace, control characters, quotes, {@code #}, {@code %}, {@code /}, {@code @}, {@code _},
 * a leading {@code -}, non-ASCII) is refused: internationalised names must be given in their
 * {@code xn--} form, which is what ssh and git would need anyway.
 */
public final class NetworkNames {
    private static final int MAX_NAME = 253;
    private static final int MAX_LABEL = 63;

    private NetworkNames() {
    }

    /** The host in its canonical form (lower case, no trailing dot, no brackets), or empty when it is not one. */
    public static Optional<String> host(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_NAME + 2) {
            return Optional.empty();
        }
        String h = text;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
            return isIpv6(h) ? Optional.of(h.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        if (h.indexOf(':') >= 0) {
            return isIpv6(h) ? Optional.of(h.toLowerCase(Locale.ROOT)) : Optional.empty();
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (isIpv4(h) || isDnsName(h)) {
            return Optional.of(h.toLowerCase(Locale.ROOT));
        }
        return Optional.empty();
    }

    public static boolean isPort(int port) {
        return port >= 1 && port <= 65535;
    }

    /** A port as typed: decimal digits only, 1-65535. */
    public static Optional<Integer> port(String text) {
        if (text == null || text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int p = Integer.parseInt(text);
        return isPort(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The host, or a problem naming where the value came from.
     *
     * @param origin where the value was found ({@code --ssh-host}, the site configuration, ...)
     */
    public static String requireHost(String text, String origin, ProblemKind kind) {
        return host(text).orElseThrow(() -> ProblemException.of(kind, "bad-network-name",
                Text.of("error.bad-ssh-host", printable(text), origin), Text.of("error.bad-ssh-host.hint")));
    }

    public static int requirePort(int port, String origin, ProblemKind kind) {
        if (!isPort(port)) {
            throw ProblemException.of(kind, "bad-network-name", Text.of("error.bad-ssh-port", String.valueOf(port), origin),
                    Text.of("error.bad-ssh-port.hint"));
        }
        return port;
    }

    /** The value with control characters made visible ({@link TerminalSafe}), short enough for one line of an error. */
    public static String printable(String text) {
        if (text == null) {
            return "(none)";
        }
        return text.length() > 80 ? TerminalSafe.line(text.substring(0, 80)) + "..." : TerminalSafe.line(text);
    }

    static boolean isDnsName(String h) {
        if (h.isEmpty() || h.length() > MAX_NAME) {
            return false;
        }
        for (String label : h.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean isIpv4(String h) {
        String[] parts = h.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 literal without a zone; the JDK parses a text containing a colon as a literal, never through DNS. */
    static boolean isIpv6(String h) {
        if (h.length() < 2 || h.length() > 45 || h.indexOf(':') < 0
                || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return false;
        }
        try {
            InetAddress.getByName(h);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
