package org.gitlabaccess.core.gitlab;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.gitlabaccess.core.Text;

/**
 * Reads a GitLab list to its end, page by page ({@link PageLinks}), at most {@link #MAX_PAGES}
 * pages of {@link #PER_PAGE}: a server that keeps answering "next" cannot hold a run for ever.
 * A next page on another {@link Origin} (scheme, host and port, as redirects are judged) or outside
 * the instance's API is refused: the token would follow it there.
 */
public final class ApiPages {
    public static final int PER_PAGE = 100;
    public static final int MAX_PAGES = 100;

    private ApiPages() {
    }

    /** Every item of the list at {@code apiPath} (below {@code /api/v4}). */
    public static List<JsonFields> all(GitLabClient client, String apiPath) {
        List<JsonFields> all = new ArrayList<>();
        first(client, apiPath, item -> {
            all.add(item);
            return Optional.empty();
        });
        return all;
    }

    /** The first item for which {@code match} gives a value; later pages are not fetched once it is found. */
    public static <T> Optional<T> first(GitLabClient client, String apiPath, Function<JsonFields, Optional<T>> match) {
        ApiResult page = client.get(apiPath + (apiPath.contains("?") ? "&" : "?") + "per_page=" + PER_PAGE);
        Set<URI> seen = new HashSet<>();
        for (int n = 1; ; n++) {
            if (!page.ok()) {
                throw ApiProblems.of(page, client.http(), null);
            }
            for (JsonFields item : JsonFields.array(page)) {
                Optional<T> found = match.apply(item);
                if (found.isPresent()) {
                    return found;
                }
            }
            Optional<URI> next = page.nextPage();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            if (n >= MAX_PAGES || !seen.add(next.get())) {
                throw ApiProblems.malformed(page, Text.of("error.malformed.endless-list", MAX_PAGES));
            }
            if (!sameOrigin(next.get(), URI.create(client.instanceRoot()))
                    || !next.get().getPath().startsWith(URI.create(client.instanceRoot() + "/api/v4/").getPath())) {
                throw ApiProblems.malformed(page, Text.of("error.malformed.next-elsewhere", next.get().getScheme() + "://"
                        + next.get().getAuthority()));
            }
            page = client.getAbsolute(next.get());
        }
    }

    /** Scheme, host and port equal, default ports filled in: {@link Origin}'s rule, as for redirects. */
    static boolean sameOrigin(URI a, URI b) {
        return Origin.of(b).map(o -> o.contains(a)).orElse(false);
    }
}
