package org.gitlabaccess.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A first, offline look at what a user typed as the GitLab address. */
public final class HostInput {
    private HostInput() {
    }

    /** True when the text can name a GitLab instance: a host name, or an http(s) URL with a host. */
    public static boolean looksValid(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String t = text.strip();
        if (!t.contains("://")) {
            t = "https://" + t;
        }
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
