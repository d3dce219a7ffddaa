package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.gitlab.TrustStores;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.ProxyStub;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gitlab-access login} against the test server: every verdict, every failure, exit codes and texts. */
class LoginCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    /** Everything printed by every run in this class, checked for secrets at the end. */
    static final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @AfterEach
    void clearFaults() {
        server.faults().clear();
    }

    private CliRunner.Result login(String token, String... args) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home"));
        CliRunner cli = new CliRunner(home);
        if (token != null) {
            cli.env("GITLAB_TOKEN", token);
        }
        List<String> all = new ArrayList<>(List.of("login", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString()));
        all.addAll(List.of(args));
        var r = cli.run(all.toArray(String[]::new));
        printed.add(r.all());
        return r;
    }

    private CliRunner.Result run(CliRunner cli, String... args) {
        var r = cli.run(args);
        printed.add(r.all());
        return r;
    }

    @Test
    void aGoodTokenGivesTheAccountScopesAndExpiry() throws Exception {
        var r = login(Seed.API_TOKEN, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("username").asText()).isEqualTo("alice");
        assertThat(doc.get("scopes").toString()).isEqualTo("[\"api\"]");
        assertThat(doc.get("expiresAt").asText()).isEqualTo(server.state().today().plusDays(300).toString());
        assertThat(doc.get("fit").get("ssh").asBoolean()).isTrue();
        assertThat(doc.get("warnings").toString()).contains("more than Git over HTTPS needs");

        var text = login(Seed.API_TOKEN);
        assertThat(text.out()).contains("Signed in to " + server.baseUrl() + " as @alice (Alice Example).")
                .contains("Scopes:   api").contains("(in 300 days)").contains("SSH setup");
        assertThat(text.err()).contains("warning: The api scope is more than");
    }

    @Test
    void tokensComeFromAFileStdinOrTheEnvironmentAndAreTrimmed() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home-src"));
        Path file = home.resolve("token.txt");
        Files.writeString(file, "\n  " + Seed.WRITE_REPOSITORY_TOKEN + " \n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String[] common = {"login", "--json", "--host", server.baseUrl(), "--ca-file", server.caFile().toString()};
        var fromFile = run(new CliRunner(home), concat(common, "--token-file", file.toString()));
        var fromStdin = run(new CliRunner(home).stdin(Seed.WRITE_REPOSITORY_TOKEN + "\r\n"), concat(common, "--token-stdin"));
        var fromEnv = run(new CliRunner(home).env("GITLAB_TOKEN", " " + Seed.WRITE_REPOSITORY_TOKEN + "\n"), common);
        for (var r : List.of(fromFile, fromStdin, fromEnv)) {
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(JSON.readTree(r.out()).get("scopes").toString()).isEqualTo("[\"write_repository\"]");
        }
        // write_repository cannot read /user: the name comes from the public profile.
        assertThat(JSON.readTree(fromEnv.out()).get("username").asText()).isEqualTo("alice");
        assertThat(JSON.readTree(fromEnv.out()).get("fit").get("httpsPush").asBoolean()).isTrue();
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    @Test
    void aMissingTokenPointsToThePrefilledCreationPage() throws Exception {
        var r = login(null, "--method", "https");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("needs a GitLab personal access token")
                .contains(server.baseUrl() + "/-/user_settings/personal_access_tokens?name=gitlab-access%20")
                .contains("&scopes=write_repository");
    }

    @Test
    void garbageExpiredRevokedAndForeignTokensAreAuthenticationErrors() throws Exception {
        var garbage = login("not-a-token-at-all", "--json");
        assertThat(garbage.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(garbage.out()).get("error").get("reason").asText()).isEqualTo("token-unknown");
        assertThat(garbage.err()).contains("does not accept this token").contains("personal_access_tokens?name=");

        var foreign = login("glpat-FromAnotherInstance0");
        assertThat(foreign.exitCode()).isEqualTo(3);
        assertThat(foreign.err()).contains("belongs to another GitLab instance");

        var expired = login(Seed.EXPIRED_TOKEN);
        assertThat(expired.exitCode()).isEqualTo(3);
        assertThat(expired.err()).contains("error: This token has expired").contains("hint: Create a new one at ");

        var revoked = login(Seed.REVOKED_TOKEN, "--json");
        assertThat(revoked.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(revoked.out()).get("error").get("reason").asText()).isEqualTo("token-revoked");
    }

    @Test
    void scopesAreCheckedAgainstTheChosenMethod() throws Exception {
        var readUser = login(Seed.READ_USER_TOKEN, "--method", "ssh");
        assertThat(readUser.exitCode()).isEqualTo(3);
        assertThat(readUser.err()).contains("only read_user").contains("SSH setup needs the api scope")
                .contains("&scopes=api");

        var repoOnly = login(Seed.READ_REPOSITORY_TOKEN, "--method", "https");
        assertThat(repoOnly.exitCode()).as(repoOnly.err()).isZero();
        assertThat(repoOnly.err()).contains("read-only");
        assertThat(repoOnly.out()).contains("pull only");

        var repoForSsh = login(Seed.WRITE_REPOSITORY_TOKEN, "--method", "ssh");
        assertThat(repoForSsh.exitCode()).isEqualTo(3);
    }

    @Test
    void aTokenExpiringWithinAWeekIsAWarningWithTheDate() throws Exception {
        var r = login(Seed.EXPIRING_SOON_TOKEN);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("warning: This token expires on " + server.state().today().plusDays(3)
                + " (in 3 days)");
    }

    @Test
    void anHtmlSignInPageMeansNotGitLabsApi() throws Exception {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><title>Sign in</title></html>", Map.of());
        var r = login(Seed.API_TOKEN);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("answered with a web page instead of GitLab's API");
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() throws Exception {
        server.faults().add("/api/v4/personal_access_tokens/self", 2, 502, "text/plain", "Bad Gateway", Map.of());
        var r = login(Seed.API_TOKEN, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        long attempts = server.state().requests().stream()
                .filter(q -> q.path().endsWith("/personal_access_tokens/self")).count();
        assertThat(attempts).isGreaterThanOrEqualTo(3);
    }

    @Test
    void rateLimitingHonoursRetryAfter() throws Exception {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 429, "text/plain", "Retry later\n",
                Map.of("Retry-After", "1", "RateLimit-Name", "throttle_authenticated_api"));
        long start = System.nanoTime();
        var r = login(Seed.API_TOKEN);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(900);
    }

    @Test
    void aLongRateLimitIsReportedWithTheWait() throws Exception {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 429, "text/plain", "Retry later\n",
                Map.of("Retry-After", "120"));
        var r = login(Seed.API_TOKEN);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("limiting requests").contains("Wait 120 seconds");
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        server.state().clearRequests();
        login("glpat-NotKnownHere000000000");
        assertThat(server.state().requests().stream()
                .filter(q -> q.path().endsWith("/personal_access_tokens/self")).count()).isEqualTo(1);
    }

    @Test
    void anUnreachableHostIsANetworkError() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        int closedPort;
        try (var s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        var r = run(new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN), "login", "--host",
                "https://127.0.0.1:" + closedPort);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("Nothing answered at 127.0.0.1:" + closedPort);
    }

    @Test
    void anUntrustedCertificateIsNamedWithItsFingerprint() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        var r = run(new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN), "login", "--json", "--host",
                server.baseUrl());
        assertThat(r.exitCode()).isEqualTo(4);
        String fingerprint = TrustStores.sha256Fingerprint(
                server.certificates().serverCertificate());
        assertThat(r.err()).contains("is not trusted").contains("CN=localhost").contains(fingerprint)
                .contains("--ca-file");
        assertThat(JSON.readTree(r.out()).get("error").get("reason").asText()).isEqualTo("tls-untrusted");
    }

    @Test
    void aProxyDemandingCredentialsIsNamed() throws Exception {
        try (ProxyStub proxy = new ProxyStub()) {
            Path home = Files.createDirectories(dir.resolve("home"));
            var r = run(new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN)
                    .env("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port()), "login", "--host", server.baseUrl(),
                    "--ca-file", server.caFile().toString());
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.err()).contains("The proxy 127.0.0.1:" + proxy.port() + " requires a user name and password");
            assertThat(proxy.requests()).isPositive();
        }
    }

    @Test
    void anInstanceUnderARelativePathIsFoundFromAPastedProjectUrl() throws Exception {
        try (GitLabTestServer sub = GitLabTestServer.builder(dir.resolve("sub")).contextPath("/gitlab").start()) {
            Path home = Files.createDirectories(dir.resolve("home"));
            var r = run(new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN), "login", "--json", "--host",
                    sub.baseUrl() + "/group/project-one/-/tree/main", "--ca-file", sub.caFile().toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(JSON.readTree(r.out()).get("host").asText()).isEqualTo(sub.baseUrl());
        }
    }

    @Test
    void aNonHttpAddressIsAUsageError() throws Exception {
        var r = run(new CliRunner(dir).env("GITLAB_TOKEN", Seed.API_TOKEN), "login", "--host", "ftp://gitlab.example.com");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not ftp://");
    }

    @Test
    void rotationWritesTheNewTokenOwnerOnlyAndNeverPrintsIt() throws Exception {
        String value = server.state().newTokenValue("glpat-");
        server.state().addToken(value, "to rotate", 1, List.of("api"), server.state().today().plusDays(20));
        Path out = dir.resolve("rotated-token");
        var r = login(value, "--rotate", "--token-out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String fresh = Files.readString(out).trim();
        assertThat(fresh).startsWith("glpat-").isNotEqualTo(value);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        assertThat(r.all()).doesNotContain(fresh.substring(6));
        assertThat(r.out()).contains("Rotated").contains(out.toString());
        assertThat(login(value).exitCode()).isEqualTo(3);
        assertThat(login(fresh).exitCode()).isZero();
        printed.add(fresh);
    }

    @Test
    void revokeEndsTheToken() throws Exception {
        String value = server.state().newTokenValue("glpat-");
        server.state().addToken(value, "setup", 2, List.of("api"), server.state().today().plusDays(20));
        var r = login(value, "--revoke");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Revoked");
        assertThat(login(value).exitCode()).isEqualTo(3);
    }

    @Test
    void optionsThatCannotGoTogetherAreUsageErrorsAndNothingIsAskedOfGitLab() throws Exception {
        int requests = server.state().requests().size();
        String value = server.state().newTokenValue("glpat-");
        server.state().addToken(value, "kept", 2, List.of("api"), server.state().today().plusDays(20));
        var noFile = login(value, "--rotate");
        assertThat(noFile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFile.err()).contains("--rotate needs --token-out");
        var both = login(value, "--rotate", "--token-out", dir.resolve("unused").toString(), "--revoke");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("cannot be combined");
        var twoSignIns = login(null, "--web", "--device");
        assertThat(twoSignIns.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(twoSignIns.err()).contains("--web").contains("--device");
        assertThat(server.state().requests()).hasSize(requests);
        assertThat(login(value).exitCode()).isZero();
    }

    @AfterAll
    static void noTokenWasEverPrintedOrLogged() throws IOException {
        Path log = Path.of(System.getProperty("gitlab-access.log.dir"), "gitlab-access.log");
        String logged = Files.exists(log) ? Files.readString(log) : "";
        List<String> tokens = new ArrayList<>(Seed.ALL_TOKENS);
        for (String text : printed) {
            for (String token : tokens) {
                assertThat(text).doesNotContain(token.substring(6));
            }
        }
        for (String token : tokens) {
            assertThat(logged).doesNotContain(token.substring(6));
        }
    }
}
