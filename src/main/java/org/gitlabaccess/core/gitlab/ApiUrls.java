package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.util.Optional;

/**
 * URLs the API hands out ({@code http_url_to_repo}, {@code web_url}) are only data: a token goes
 * with one only when its scheme, host and port are the instance's own.
 */
public final class ApiUrls {
    private ApiUrls() {
    }

    /** True when the URL has the instance's {@link Origin} and no user info of its own. */
    public static boolean sameOrigin(String url, String instanceRoot) {
        if (url == null || instanceRoot == null) {
            return false;
        }
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            return false;
        }
        Optional<Origin> origin = Origin.of(u);
        return u.getRawUserInfo() == null && origin.isPresent() && origin.equals(Origin.of(instanceRoot));
    }
}
