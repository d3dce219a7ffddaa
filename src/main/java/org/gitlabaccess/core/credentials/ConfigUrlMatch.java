package org.gitlabaccess.core.credentials;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether the URL of a {@code credential.<url>.*} key applies to a host, following git's urlmatch
 * rules for credentials: same scheme, same host (a {@code *} matches one label), same port
 * (default ports filled in); a path or a user name in the key only matches requests that have
 * them. A partial URL without a scheme ({@code gitlab.example.com}) matches on the host alone.
 */
final class ConfigUrlMatch {
    private ConfigUrlMatch() {
    }

    static boolean matches(String pattern, GitHost host, String username) {
        int schemeEnd = pattern.indexOf("://");
        if (schemeEnd < 0) {
            String p = pattern;
            int slash = p.indexOf('/');
            String hostPart = slash < 0 ? p : p.substring(0, slash);
            String path = slash < 0 ? "" : p.substring(slash + 1);
            if (!path.isEmpty()) {
                return false;
            }
            int at = hostPart.lastIndexOf('@');
            if (at >= 0) {
                if (username == null || !hostPart.substring(0, at).equals(username)) {
                    return false;
                }
                hostPart = hostPart.substring(at + 1);
            }
            return hostPart.equalsIgnoreCase(host.hostAndPort());
        }
        String scheme = pattern.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals(host.scheme())) {
            return false;
        }
        String rest = pattern.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        if (!path.isEmpty()) {
            return false; // the credential request carries no path unless credential.useHttpPath is set
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String user = URLDecoder.decode(authority.substring(0, at).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            if (username == null || !user.equals(username)) {
                return false;
            }
            authority = authority.substring(at + 1);
        }
        String name = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            name = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        int effective = port > 0 ? port : GitHost.defaultPort(scheme);
        return effective == host.effectivePort() && hostMatches(name.toLowerCase(Locale.ROOT), host.host());
    }

    private static boolean hostMatches(String pattern, String host) {
        String[] p = pattern.split("\\.", -1);
        String[] h = host.split("\\.", -1);
        if (p.length != h.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].equals("*") && !p[i].equals(h[i])) {
                return false;
            }
        }
        return true;
    }
}
