package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.OAuthProvider;
import org.gitlabaccess.testkit.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browser and device sign-in end to end; the test plays the user's browser. */
class OAuthLoginTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static HttpClient browserClient;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        browserClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .sslContext(TestHttp.trusting(server.certificates().caCertificate())).build();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.oauth().browserApproves = true;
        server.oauth().browserUser = "alice";
    }

    /** The user's browser: follows GitLab's redirect back to the loopback listener. */
    private static boolean browse(String url) {
        CompletableFuture.runAsync(() -> {
            try {
                browserClient.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return true;
    }

    private CliRunner cli() throws IOException {
        return new CliRunner(Files.createDirectories(dir.resolve("home"))).browser(OAuthLoginTest::browse);
    }

    @Test
    void browserSignInWithPkceGivesTheAccountAndLeavesNoTokenBehind() throws Exception {
        var r = cli().run("login", "--web", "--json", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString(), "--oauth-client-id", OAuthProvider.CLIENT_ID);
        assertThat(r.exitCode()).as(r.err()).isZero();
        var doc = JSON.readTree(r.out());
        assertThat(doc.get("username").asText()).isEqualTo("alice");
        assertThat(doc.get("scopes").toString()).isEqualTo("[\"api\"]");
        assertThat(doc.get("oauth").asBoolean()).isTrue();
        assertThat(r.err()).contains("Opening your browser").contains("/oauth/authorize?client_id=")
                .contains("code_challenge_method=S256").contains("revoked again");
        assertThat(server.oauth().activeOAuthTokens()).isZero();
    }

    @Test
    void aDeniedBrowserSignInIsAnAuthenticationError() throws Exception {
        server.oauth().browserApproves = false;
        var r = cli().run("login", "--web", "--host", server.baseUrl(), "--ca-file", server.caFile().toString(),
                "--oauth-client-id", OAuthProvider.CLIENT_ID);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("not approved in the browser (access_denied)");
    }

    @Test
    void anUnknownOAuthApplicationIsNamed() throws Exception {
        var r = cli().run("login", "--device", "--host", server.baseUrl(), "--ca-file", server.caFile().toString(),
                "--oauth-client-id", "not-registered");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("does not know the OAuth application not-registered");
    }

    @Test
    void browserSignInWithoutAnApplicationIdSaysHowToGetOne() throws Exception {
        var r = cli().run("login", "--web", "--host", server.baseUrl(), "--ca-file", server.caFile().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--oauth-client-id").contains("oauthClientId");
    }

    @Test
    void deviceSignInPollsUntilTheUserEntersTheCode() throws Exception {
        server.oauth().browserUser = "bob";
        CliRunner cli = cli();
        var running = CompletableFuture.supplyAsync(() -> cli.run("login", "--device", "--json", "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString(), "--oauth-client-id", OAuthProvider.CLIENT_ID));
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            code = server.oauth().pendingUserCodes().stream().findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertThat(code).as("a device code was requested").isNotNull();
        Thread.sleep(1500); // the program polls at least once while the user types the code
        browse(server.baseUrl() + "/oauth/device?user_code=" + code);
        var r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(JSON.readTree(r.out()).get("username").asText()).isEqualTo("bob");
        assertThat(r.err()).contains("enter the code " + code);
        assertThat(server.oauth().activeOAuthTokens()).isZero();
    }

    @Test
    void aDeniedDeviceSignInStops() throws Exception {
        server.oauth().browserApproves = false;
        CliRunner cli = cli();
        var running = CompletableFuture.supplyAsync(() -> cli.run("login", "--device", "--host", server.baseUrl(),
                "--ca-file", server.caFile().toString(), "--oauth-client-id", OAuthProvider.CLIENT_ID));
        String code = null;
        for (int i = 0; i < 100 && code == null; i++) {
            code = server.oauth().pendingUserCodes().stream().findFirst().orElse(null);
            Thread.sleep(50);
        }
        browse(server.baseUrl() + "/oauth/device?user_code=" + code);
        var r = running.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("not approved");
    }

    @Test
    void setupOverSshWithBrowserSignInRevokesTheTokenAtTheEnd() throws Exception {
        Path home = Files.createDirectories(dir.resolve("setup-web"));
        var r = new CliRunner(home).browser(OAuthLoginTest::browse).run("setup", "--method", "ssh", "--web", "--yes",
                "--json", "--host", server.baseUrl(), "--ca-file", server.caFile().toString(), "--oauth-client-id",
                OAuthProvider.CLIENT_ID);
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        var doc = JSON.readTree(r.out());
        assertThat(doc.get("steps").get(0).get("summary").asText()).contains("browser sign-in");
        assertThat(doc.get("steps").get(doc.get("steps").size() - 1).get("status").asText()).isEqualTo("changed");
        assertThat(server.oauth().activeOAuthTokens()).isZero();
        assertThat(server.state().keysOf(1)).isNotEmpty();

        var https = new CliRunner(home).browser(OAuthLoginTest::browse).run("setup", "--method", "https", "--web",
                "--host", server.baseUrl(), "--ca-file", server.caFile().toString(), "--oauth-client-id",
                OAuthProvider.CLIENT_ID);
        assertThat(https.exitCode()).isEqualTo(2);
        assertThat(https.err()).contains("SSH only");
    }
}
