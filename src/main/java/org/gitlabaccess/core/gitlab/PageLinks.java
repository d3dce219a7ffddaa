package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The next page of a GitLab list, as its answer names it: the {@code Link} header's
 * {@code rel="next"} address (keyset and offset pagination), else {@code X-Next-Page} (offset
 * pagination: the same address with that {@code page}). An empty {@code X-Next-Page} is the last page.
 */
final class PageLinks {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*((?:;\\s*[^;,]*)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?next\"?(\\s|;|$)");
    private static final Pattern PAGE_PARAM = Pattern.compile("(^|&)page=[^&]*");

    private PageLinks() {
    }

    static Optional<URI> next(URI current, HttpHeaders headers) {
        for (String link : headers.allValues("Link")) {
            Matcher m = LINK.matcher(link);
            while (m.find()) {
                if (REL_NEXT.matcher(m.group(2)).find()) {
                    try {
                        return Optional.of(current.resolve(m.group(1).strip()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty(); // no address at all: treated as the last page, the caller checks
                    }
                }
            }
        }
        return headers.firstValue("X-Next-Page").map(String::strip).filter(p -> p.matches("[0-9]{1,9}"))
                .map(page -> withPage(current, page));
    }

    private static URI withPage(URI current, String page) {
        String query = current.getRawQuery() == null ? "" : current.getRawQuery();
        String param = "page=" + URLEncoder.encode(page, StandardCharsets.UTF_8);
        Matcher m = PAGE_PARAM.matcher(query);
        String next = m.find() ? m.replaceFirst(m.group(1) + param) : query.isEmpty() ? param : query + "&" + param;
        String base = current.toString();
        int q = base.indexOf('?');
        return URI.create((q < 0 ? base : base.substring(0, q)) + "?" + next);
    }
}
