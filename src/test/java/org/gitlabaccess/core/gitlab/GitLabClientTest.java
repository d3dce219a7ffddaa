package org.gitlabaccess.core.gitlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RecordedRequest;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitLabClientTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    final List<Duration> waits = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @AfterEach
    void clear() {
        server.faults().clear();
        server.state().clearRequests();
    }

    private GitLabClient client(String token) {
        HttpSettings http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
        return new GitLabClient(http, server.baseUrl(), token == null ? null : Secret.of(token), false, waits::add);
    }

    @Test
    void theTokenNeverFollowsARedirectToAnotherHost() {
        String elsewhere = "https://localhost:" + server.httpsPort() + "/api/v4/user";
        server.faults().add("/api/v4/user", 1, 302, "text/html", "", Map.of("Location", elsewhere));
        ApiResult r = client(Seed.API_TOKEN).get("/user");
        // Not followed at all (not even without the token): the request stops with a clear refusal.
        assertThat(r.outcome()).isEqualTo(Outcome.REDIRECT_REFUSED);
        assertThat(r.detail()).isEqualTo("https://localhost:" + server.httpsPort());
        List<RecordedRequest> seen = server.state().requests();
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).authentication()).isEqualTo("private-token");
    }

    @Test
    void aRedirectOnTheSameHostKeepsTheToken() {
        server.faults().add("/api/v4/old-user", 1, 301, "text/html", "",
                Map.of("Location", server.baseUrl() + "/api/v4/user"));
        ApiResult r = client(Seed.API_TOKEN).get("/old-user");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.body().get("username").asText()).isEqualTo("alice");
    }

    @Test
    void backoffDoublesAndRetryAfterWins() {
        server.faults().add("/api/v4/version", 2, 503, "text/plain", "unavailable", Map.of());
        server.faults().add("/api/v4/version", 1, 429, "text/plain", "Retry later\n", Map.of("Retry-After", "7"));
        ApiResult r = client(Seed.API_TOKEN).get("/version");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(waits).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofSeconds(7));
    }

    @Test
    void givesUpAfterFourAttempts() {
        server.faults().add("/api/v4/version", 10, 500, "application/json", "{\"message\":\"500 Internal Server Error\"}",
                Map.of());
        ApiResult r = client(Seed.API_TOKEN).get("/version");
        assertThat(r.outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(waits).hasSize(3);
    }

    @Test
    void postsAreNotRetriedOnServerErrors() {
        server.faults().add("/api/v4/user/keys", 1, 500, "application/json", "{}", Map.of());
        ApiResult r = client(Seed.API_TOKEN).post("/user/keys", Map.of("title", "t", "key", "k"));
        assertThat(r.outcome()).isEqualTo(Outcome.SERVER_ERROR);
        assertThat(waits).isEmpty();
    }

    @Test
    void insufficientScopeCarriesTheScopesGitLabNames() {
        ApiResult r = client(Seed.READ_USER_TOKEN).post("/user/keys", Map.of("title", "t", "key", "k"));
        assertThat(r.outcome()).isEqualTo(Outcome.INSUFFICIENT_SCOPE);
        assertThat(r.requiredScopes()).containsExactly("api");
    }

    @Test
    void retryAfterAcceptsSecondsAndDates() {
        assertThat(GitLabClient.parseRetryAfter("12")).contains(Duration.ofSeconds(12));
        assertThat(GitLabClient.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(GitLabClient.parseRetryAfter("soon")).isEmpty();
    }
}
