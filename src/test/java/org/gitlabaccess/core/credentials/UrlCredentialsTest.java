package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The user name and password of a URL as git itself reads them: {@code git credential fill} is the judge. */
class UrlCredentialsTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://alice:s3cret@gitlab.example.com/g/p.git",
        "https://alice:p%40ss%2Fw%3Ard@gitlab.example.com/g/p.git", "https://oauth2:a+b@gitlab.example.com:8443/x",
        "https://alice%40example.com:pw@h/x", "https://alice:p@ss@h/x", "https://al%C3%AFce:%E2%82%AC@h/x",
        "https://alice:@h/x"})
    void agreesWithGit(String url) throws Exception {
        assumeTrue(Processes.available("git"));
        var r = Processes.run(null, Map.of("HOME", "/nonexistent", "GIT_TERMINAL_PROMPT", "0", "GIT_ASKPASS", "",
                "SSH_ASKPASS", "", "GIT_CONFIG_NOSYSTEM", "1"), "url=" + url + "\n\n", List.of("git", "credential", "fill"));
        Map<String, String> git = new LinkedHashMap<>();
        r.stdout().lines().filter(l -> l.contains("=")).forEach(l -> git.put(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        try (UrlCredentials c = UrlCredentials.of(url).orElseThrow()) {
            assertThat(c.username()).isEqualTo(git.get("username"));
            assertThat(c.password() == null ? null : c.password().reveal()).isEqualTo(git.get("password"));
            assertThat(c.bareUrl()).doesNotContain("alice").startsWith(url.substring(0, 8));
        }
    }

    @Test
    void aUrlWithoutUserInfoHasNone() {
        assertThat(UrlCredentials.of("https://gitlab.example.com/a@b/p.git")).isEmpty();
        assertThat(UrlCredentials.of("git@gitlab.example.com:g/p.git")).isEmpty();
    }

    @Test
    void theBareUrlKeepsEverythingButTheUserInfo() {
        assertThat(UrlCredentials.of("https://u:p@h:8443/g/p.git?x=1").orElseThrow().bareUrl())
                .isEqualTo("https://h:8443/g/p.git?x=1");
    }
}
