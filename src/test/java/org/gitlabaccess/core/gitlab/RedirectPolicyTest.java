package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectPolicyTest {
    private static final URI FROM = URI.create("https://gitlab.example.com/api/v4/user");
    private static final Origin INSTANCE = Origin.of(FROM).orElseThrow();

    @ParameterizedTest(name = "{0} {1} {2} credentialed={3}")
    @CsvSource({
        // status, method, location, credentialed, refused, next method, body kept
        "307, POST, /api/v4/other, true, false, POST, true",
        "308, POST, https://gitlab.example.com:443/x, true, false, POST, true",
        "302, POST, /x, true, false, GET, false",
        "303, DELETE, /x, true, false, GET, false",
        "307, POST, https://gitlab.example.com:8443/x, true, true, POST, false",
        "307, POST, https://other.example.com/x, true, true, POST, false",
        "301, GET, http://gitlab.example.com/x, true, true, GET, false",
        "302, GET, https://GITLAB.example.com./x, true, false, GET, false",
        "302, GET, https://other.example.com/x, false, false, GET, false",
        "302, GET, http://other.example.com/x, false, true, GET, false",
        "307, POST, https://other.example.com/x, false, true, POST, false",
        "302, GET, ftp://gitlab.example.com/x, false, true, GET, false",
        "302, GET, '//other.example.com/x', true, true, GET, false"})
    void tokensAndBodiesStayOnTheInstanceOrigin(int status, String method, String location, boolean credentialed,
                                                 boolean refused, String nextMethod, boolean bodyKept) {
        RedirectPolicy.Step step = RedirectPolicy.next(INSTANCE, FROM, method, credentialed, status, location);
        assertThat(step.refused()).isEqualTo(refused);
        if (!refused) {
            assertThat(step.method()).isEqualTo(nextMethod);
            assertThat(step.keepBody()).isEqualTo(bodyKept);
        }
    }
}
