package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The next page as GitLab names it, and the origin rule for following it. */
class PageLinksTest {
    private static final URI FIRST = URI.create("https://gitlab.example.com/api/v4/user/keys?per_page=100");

    private static HttpHeaders headers(Map<String, List<String>> map) {
        return HttpHeaders.of(map, (a, b) -> true);
    }

    @Test
    void theLinkHeadersNextWinsAmongOtherRelations() {
        var h = headers(Map.of("Link", List.of("<https://gitlab.example.com/api/v4/user/keys?page=1&per_page=100>; "
                + "rel=\"first\", <https://gitlab.example.com/api/v4/user/keys?page=2&per_page=100>; rel=\"next\""),
                "X-Next-Page", List.of("7")));
        assertThat(PageLinks.next(FIRST, h)).contains(
                URI.create("https://gitlab.example.com/api/v4/user/keys?page=2&per_page=100"));
    }

    @Test
    void withoutALinkXNextPageSetsThePageAndAnEmptyOneEndsTheList() {
        assertThat(PageLinks.next(FIRST, headers(Map.of("X-Next-Page", List.of("3"))))).contains(
                URI.create("https://gitlab.example.com/api/v4/user/keys?per_page=100&page=3"));
        assertThat(PageLinks.next(URI.create("https://h/api/v4/x?page=2&per_page=5"),
                headers(Map.of("X-Next-Page", List.of("3"))))).contains(URI.create("https://h/api/v4/x?page=3&per_page=5"));
        assertThat(PageLinks.next(FIRST, headers(Map.of("X-Next-Page", List.of(""))))).isEmpty();
        assertThat(PageLinks.next(FIRST, headers(Map.of("X-Next-Page", List.of("2; rm -rf"))))).isEmpty();
    }

    @Test
    void theSameOriginMeansSchemeHostAndPortWithDefaultPortsFilledIn() {
        URI root = URI.create("https://gitlab.example.com");
        assertThat(ApiPages.sameOrigin(URI.create("https://GITLAB.example.com:443/api/v4/x"), root)).isTrue();
        assertThat(ApiPages.sameOrigin(URI.create("https://gitlab.example.com:8443/api/v4/x"), root)).isFalse();
        assertThat(ApiPages.sameOrigin(URI.create("http://gitlab.example.com/api/v4/x"), root)).isFalse();
        assertThat(ApiPages.sameOrigin(URI.create("https://gitlab.example.com.evil/api/v4/x"), root)).isFalse();
    }
}
