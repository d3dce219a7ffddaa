package org.gitlabaccess.core.credentials;

import java.net.URI;
import java.util.Locale;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * A GitLab host as git's credential and http configuration see it: scheme, host name and port.
 * The port is kept only when it is not the scheme's default, as git writes {@code host=} lines.
 */
public record GitHost(String scheme, String host, int port) {
    public GitHost {
        scheme = scheme.toLowerCase(Locale.ROOT);
        host = host.toLowerCase(Locale.ROOT);
        if (port == defaultPort(scheme)) {
            port = -1;
        }
    }

    /** From any URL on the host: the instance, a project, a clone URL. */
    public static GitHost of(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.of(ProblemKind.USAGE, "bad-url", Text.of("error.bad-host.invalid", url),
                    Text.of("error.bad-url.hint"));
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw ProblemException.of(ProblemKind.USAGE, "bad-url", Text.of("error.bad-host.no-host", url),
                    Text.of("error.bad-url.hint"));
        }
        return new GitHost(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    public static int defaultPort(String scheme) {
        return "http".equalsIgnoreCase(scheme) ? 80 : "https".equalsIgnoreCase(scheme) ? 443 : -1;
    }

    public int effectivePort() {
        return port > 0 ? port : defaultPort(scheme);
    }

    /** {@code host} or {@code host:port}: the value of git's {@code host=} credential line. */
    public String hostAndPort() {
        return port > 0 ? host + ":" + port : host;
    }

    /** {@code https://host[:port]}: the URL used in {@code credential.<url>.*} keys. */
    public String baseUrl() {
        return scheme + "://" + hostAndPort();
    }

    /** A name usable as a file name on every platform ({@code :} is not allowed on Windows). */
    public String fileName() {
        return port > 0 ? host + "_" + port : host;
    }

    @Override
    public String toString() {
        return baseUrl();
    }
}
