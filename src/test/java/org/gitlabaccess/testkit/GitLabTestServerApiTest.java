package org.gitlabaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test server answers the REST API with GitLab's shapes and errors. */
class GitLabTestServerApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ED25519 =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl alice@laptop";

    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static TestHttp http;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir);
        http = new TestHttp(server);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void unknownOrMissingTokenIs401WithGitLabsBody() throws IOException {
        var missing = http.get("/api/v4/user", null);
        var unknown = http.get("/api/v4/user", "glpat-doesnotexist000000000");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo("{\"message\":\"401 Unauthorized\"}");
        assertThat(unknown.statusCode()).isEqualTo(401);
    }

    @Test
    void runnersVerifyAnswersALiveRunnerTokenWithItsIdAndExpiryAndRefusesTheOthers() throws IOException {
        var live = http.post("/api/v4/runners/verify", null, "{\"token\":\"" + Seed.RUNNER_TOKEN + "\"}");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("token").asText()).isEqualTo(Seed.RUNNER_TOKEN);
        assertThat(json(live).get("id").isNumber()).isTrue();
        assertThat(Instant.parse(json(live).get("token_expires_at").asText())).isCloseTo(
                server.state().runner(Seed.RUNNER_TOKEN).orElseThrow().tokenExpiresAt(), within(1, ChronoUnit.SECONDS));
        for (String refused : new String[] {Seed.EXPIRED_RUNNER_TOKEN, "glrt-unknown0000000000000"}) {
            var r = http.post("/api/v4/runners/verify", null, "{\"token\":\"" + refused + "\"}");
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"message\":\"403 Forbidden\"}");
        }
        assertThat(http.post("/api/v4/runners/verify", null, "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void expiredAndRevokedTokensAreInvalidTokenErrors() throws IOException {
        var expired = http.get("/api/v4/user", Seed.EXPIRED_TOKEN);
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(json(expired).get("error").asText()).isEqualTo("invalid_token");
        assertThat(json(expired).get("error_description").asText()).startsWith("Token is expired.");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).contains("error=\"invalid_token\""));
        var revoked = http.get("/api/v4/personal_access_tokens/self", Seed.REVOKED_TOKEN);
        assertThat(json(revoked).get("error_description").asText()).startsWith("Token was revoked.");
    }

    @Test
    void wrongScopeIs403InsufficientScopeNamingTheScopesNeeded() throws IOException {
        var r = http.post("/api/v4/user/keys", Seed.READ_USER_TOKEN, "{\"title\":\"t\",\"key\":\"" + ED25519 + "\"}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).get("error").asText()).isEqualTo("insufficient_scope");
        assertThat(json(r).get("scope").asText()).isEqualTo("api");
        assertThat(server.state().keysOf(1)).isEmpty();
    }

    @Test
    void personalAccessTokensListsTheCallersOwnFilteredByStateNeverAValue() throws IOException {
        var all = http.get("/api/v4/personal_access_tokens", Seed.API_TOKEN);
        assertThat(all.statusCode()).isEqualTo(200);
        java.util.List<String> names = new java.util.ArrayList<>();
        json(all).forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).contains("laptop api", "old laptop", "revoked one").doesNotContain("bob api");
        var active = http.get("/api/v4/personal_access_tokens?state=active&user_id=1", Seed.API_TOKEN);
        java.util.List<String> activeNames = new java.util.ArrayList<>();
        json(active).forEach(t -> activeNames.add(t.get("name").asText()));
        assertThat(activeNames).contains("laptop api", "expiring soon").doesNotContain("old laptop", "revoked one");
        for (String value : Seed.ALL_TOKENS) {
            assertThat(all.body()).doesNotContain(value);
        }
        assertThat(http.get("/api/v4/personal_access_tokens?user_id=2", Seed.API_TOKEN).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/v4/personal_access_tokens", Seed.READ_USER_TOKEN).statusCode()).isEqualTo(403);
    }

    @Test
    void tokenSelfWorksWithAnyScopeAndShowsScopesAndExpiry() throws IOException {
        var r = http.get("/api/v4/personal_access_tokens/self", Seed.READ_REPOSITORY_TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = json(r);
        assertThat(t.get("scopes").toString()).isEqualTo("[\"read_repository\"]");
        assertThat(t.get("active").asBoolean()).isTrue();
        assertThat(t.get("user_id").asLong()).isEqualTo(1);
        assertThat(t.get("expires_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void userKeysLifecycleWithDuplicateAndInvalidKeys() throws IOException {
        var created = http.post("/api/v4/user/keys", Seed.BOB_API_TOKEN,
                "{\"title\":\"laptop\",\"key\":\"" + ED25519 + "\",\"usage_type\":\"auth\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = json(created);
        assertThat(key.get("usage_type").asText()).isEqualTo("auth");
        assertThat(key.get("key").asText()).endsWith("Bob Builder (127.0.0.1)");

        var duplicate = http.post("/api/v4/user/keys", Seed.API_TOKEN,
                "{\"title\":\"again\",\"key\":\"" + ED25519 + "\"}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).isEqualTo("{\"message\":{\"fingerprint_sha256\":[\"has already been taken\"]}}");

        var invalid = http.post("/api/v4/user/keys", Seed.BOB_API_TOKEN,
                "{\"title\":\"x\",\"key\":\"ssh-ed25519 not-base64\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).get("message").get("key").get(1).asText()).isEqualTo("is invalid");

        var missingTitle = http.post("/api/v4/user/keys", Seed.BOB_API_TOKEN, "{\"key\":\"" + ED25519 + "\"}");
        assertThat(missingTitle.body()).isEqualTo("{\"error\":\"title is missing\"}");

        var list = json(http.get("/api/v4/user/keys", Seed.BOB_API_TOKEN));
        assertThat(list).hasSize(1);
        long id = list.get(0).get("id").asLong();
        assertThat(http.delete("/api/v4/user/keys/" + id, Seed.BOB_API_TOKEN).statusCode()).isEqualTo(204);
        assertThat(http.delete("/api/v4/user/keys/" + id, Seed.BOB_API_TOKEN).body())
                .isEqualTo("{\"message\":\"404 Key Not Found\"}");
    }

    @Test
    void projectsCarryTheirSshAndHttpUrls() throws IOException {
        JsonNode p = json(http.get("/api/v4/projects/group%2Fproject-one", Seed.API_TOKEN));
        assertThat(p.get("ssh_url_to_repo").asText())
                .isEqualTo("ssh://git@127.0.0.1:" + server.sshPort() + "/group/project-one.git");
        assertThat(p.get("http_url_to_repo").asText()).isEqualTo(server.baseUrl() + "/group/project-one.git");
        assertThat(json(http.get("/api/v4/projects?membership=true", Seed.API_TOKEN))).hasSize(2);
        assertThat(http.get("/api/v4/projects/99", Seed.API_TOKEN).body())
                .isEqualTo("{\"message\":\"404 Project Not Found\"}");
    }

    @Test
    void rotationRevokesTheOldTokenAndIssuesOneForAWeek() throws IOException {
        String value = server.state().newTokenValue("glpat-");
        server.state().addToken(value, "to rotate", 2, java.util.List.of("api"),
                server.state().today().plusDays(30));
        var r = http.post("/api/v4/personal_access_tokens/self/rotate", value, "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        String fresh = json(r).get("token").asText();
        assertThat(fresh).startsWith("glpat-").isNotEqualTo(value);
        assertThat(json(r).get("expires_at").asText()).isEqualTo(server.state().today().plusDays(7).toString());
        assertThat(http.get("/api/v4/user", value).statusCode()).isEqualTo(401);
        assertThat(json(http.get("/api/v4/user", fresh)).get("username").asText()).isEqualTo("bob");
        assertThat(http.delete("/api/v4/personal_access_tokens/self", fresh).statusCode()).isEqualTo(204);
        assertThat(http.get("/api/v4/user", fresh).statusCode()).isEqualTo(401);
    }

    @Test
    void relativeUrlRootServesTheApiBelowIt() throws IOException {
        try (GitLabTestServer sub = GitLabTestServer.builder(dir.resolve("sub")).contextPath("/gitlab").start()) {
            TestHttp client = new TestHttp(sub);
            assertThat(sub.baseUrl()).endsWith("/gitlab");
            assertThat(json(client.get("/api/v4/version", Seed.API_TOKEN)).get("version").asText())
                    .isEqualTo(GitLabTestServer.VERSION);
        }
    }
}
