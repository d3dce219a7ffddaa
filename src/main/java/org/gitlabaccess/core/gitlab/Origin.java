package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a credential may go: scheme, host and port, as browsers compare origins. The instance's
 * origin is the only one a token, a Basic credential or an OAuth body is ever sent to; a different
 * port or {@code http} instead of {@code https} is another origin.
 */
public record Origin(String scheme, String host, int port) {

    /** The origin of an absolute http(s) URI; empty for anything else. */
    public static Optional<Origin> of(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return Optional.of(new Origin(scheme, host, port));
    }

    public static Optional<Origin> of(URL url) {
        try {
            return of(url.toURI());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static Optional<Origin> of(String url) {
        try {
            return of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the URI belongs to this origin. */
    public boolean contains(URI uri) {
        return of(uri).map(this::equals).orElse(false);
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port;
    }
}
