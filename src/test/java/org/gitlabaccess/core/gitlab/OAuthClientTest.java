package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.oauth.OAuthClient;
import org.gitlabaccess.core.gitlab.oauth.OAuthTokens;
import org.gitlabaccess.core.gitlab.oauth.Pkce;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.OAuthProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OAuthClientTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static HttpSettings http;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir);
        http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private OAuthClient oauth() {
        return new OAuthClient(new GitLabClient(http, server.baseUrl(), null), OAuthProvider.CLIENT_ID,
                Clock.systemUTC(), d -> { });
    }

    private OAuthTokens signIn() {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .sslContext(http.sslContext()).build();
        return oauth().signInWithBrowser(List.of("api"), url -> {
            new Thread(() -> {
                try {
                    browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).start();
            return true;
        }, url -> { }, Duration.ofSeconds(20));
    }

    @Test
    void refreshGivesANewAccessTokenAndRetiresTheOld() {
        OAuthTokens first = signIn();
        GitLabClient api = new GitLabClient(http, server.baseUrl(), first.accessToken(), true, d -> { });
        assertThat(api.get("/user").ok()).isTrue();
        OAuthTokens second = oauth().refresh(first);
        assertThat(second.accessToken().reveal()).isNotEqualTo(first.accessToken().reveal());
        assertThat(api.get("/user").outcome()).isEqualTo(Outcome.TOKEN_REVOKED);
        assertThat(api.withToken(second.accessToken(), true).get("/user").ok()).isTrue();
        assertThatThrownBy(() -> oauth().refresh(first)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.reason()).isEqualTo("oauth-invalid-grant"));
        oauth().revoke(second);
        assertThat(api.withToken(second.accessToken(), true).get("/user").ok()).isFalse();
    }

    @Test
    void pkceChallengeIsTheS256OfTheVerifier() {
        // RFC 7636, appendix B.
        assertThat(Pkce.challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Pkce p = Pkce.generate();
        assertThat(p.verifier()).hasSizeBetween(43, 128);
        assertThat(p.toString()).doesNotContain(p.verifier());
    }
}
