package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * URLs the API hands out ({@code http_url_to_repo}, {@code web_url}) are only data: a token goes
 * with one only when its scheme, host and port are the instance's own.
 */
public final class ApiUrls {
    private ApiUrls() {
    }

    /** True when the URL has the instance's scheme, host and port (the default port counted as given). */
    public static boolean sameOrigin(String url, String instanceRoot) {
        if (url == null || instanceRoot == null) {
            return false;
        }
        try {
            URI u = new URI(url);
            URI root = new URI(instanceRoot);
            return u.getScheme() != null && root.getScheme() != null
                    && u.getScheme().equalsIgnoreCase(root.getScheme())
                    && u.getHost() != null && root.getHost() != null
                    && u.getHost().toLowerCase(Locale.ROOT).equals(root.getHost().toLowerCase(Locale.ROOT))
                    && port(u) == port(root) && u.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }
}
