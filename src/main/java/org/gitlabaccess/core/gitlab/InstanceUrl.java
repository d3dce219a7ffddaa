package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * The address of a GitLab instance as the user gave it, normalised. Accepts a bare host name, a
 * URL with a trailing slash, or a project URL pasted from the browser. Which prefix of the path is
 * the instance root (for instances under a relative path such as {@code /gitlab}) cannot be told
 * offline: {@link #rootCandidates()} lists them, shortest first, for the client to probe.
 */
public final class InstanceUrl {
    private final String scheme;
    private final String host;
    private final int port;
    private final List<String> pathSegments;

    private InstanceUrl(String scheme, String host, int port, List<String> pathSegments) {
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.pathSegments = List.copyOf(pathSegments);
    }

    public static InstanceUrl parse(String input) {
        if (input == null || input.isBlank()) {
            throw usage(Text.of("error.bad-host.empty"));
        }
        String text = input.strip();
        if (!text.contains("://")) {
            if (text.startsWith("git@") || text.matches("^[\\w.-]+@[\\w.-]+:.*")) {
                throw usage(Text.of("error.bad-host.ssh-address", text));
            }
            text = "https://" + text;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw usage(Text.of("error.bad-host.invalid", input.strip()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw usage(Text.of("error.bad-host.scheme", scheme));
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw usage(Text.of("error.bad-host.no-host", input.strip()));
        }
        if (NetworkNames.host(uri.getHost()).isEmpty()) {
            throw usage(Text.of("error.bad-host.invalid", input.strip()));
        }
        List<String> segments = new ArrayList<>();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String s : path.split("/")) {
            if (s.equals("-")) {
                break; // GitLab's "/-/" separates a project path from its pages.
            }
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        if (!segments.isEmpty() && segments.get(segments.size() - 1).endsWith(".git")) {
            String last = segments.remove(segments.size() - 1);
            segments.add(last.substring(0, last.length() - 4));
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return new InstanceUrl(scheme, uri.getHost().toLowerCase(Locale.ROOT),
                uri.getPort() == -1 ? defaultPort : uri.getPort(), segments);
    }

    private static ProblemException usage(Text message) {
        return ProblemException.of(ProblemKind.USAGE, "bad-host", message, Text.of("error.bad-host.hint"));
    }

    public boolean isPlainHttp() {
        return scheme.equals("http");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String scheme() {
        return scheme;
    }

    /** {@code scheme://host[:port]} with no path. */
    public String origin() {
        boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    /** Possible instance roots, shortest first: the origin, then each longer path prefix. */
    public List<String> rootCandidates() {
        List<String> list = new ArrayList<>();
        StringBuilder sb = new StringBuilder(origin());
        list.add(sb.toString());
        for (String s : pathSegments) {
            sb.append('/').append(s);
            list.add(sb.toString());
        }
        return list;
    }

    public boolean hasPath() {
        return !pathSegments.isEmpty();
    }

    @Override
    public String toString() {
        return origin() + (pathSegments.isEmpty() ? "" : "/" + String.join("/", pathSegments));
    }
}
