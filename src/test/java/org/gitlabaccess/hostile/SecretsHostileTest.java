package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.credentials.HttpsAccessCheck;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.GitRepos;
import org.gitlabaccess.testkit.OAuthProvider;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Secrets on a hostile machine and behind a hostile server: redirects that would carry a token, an
 * OAuth body or a Basic credential to another origin (the other server must receive nothing), a
 * remote URL with an embedded token (never in git's arguments, nothing stored), variables that must
 * not reach children, servers echoing secrets, and redaction that must not corrupt the journal.
 */
class SecretsHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    /** Another origin: same address, another port, its own request log. */
    static GitLabTestServer other;
    static Path bothCas;
    static HttpServer plain;
    static final List<String> plainRequests = new CopyOnWriteArrayList<>();

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        other = GitLabTestServer.start(dir.resolve("other"));
        // Both authorities trusted: a followed redirect would reach the other server, so silence there proves refusal.
        bothCas = Files.writeString(dir.resolve("both-cas.pem"), Files.readString(server.caFile())
                + Files.readString(other.caFile()));
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", ex -> {
            plainRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " auth="
                    + (ex.getRequestHeaders().containsKey("PRIVATE-TOKEN")
                    || ex.getRequestHeaders().containsKey("Authorization")));
            byte[] body = "{\"id\":1,\"username\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        plain.start();
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
        other.close();
        plain.stop(0);
    }

    @AfterEach
    void clear() {
        server.faults().clear();
        server.state().clearRequests();
        other.state().clearRequests();
        plainRequests.clear();
    }

    private CliRunner cli() {
        return new CliRunner(home);
    }

    private static String[] withServer(String... args) {
        return Stream.concat(Stream.of(args), Stream.of("--host", server.baseUrl(), "--ca-file", bothCas.toString()))
                .toArray(String[]::new);
    }

    private static String otherOrigin() {
        return "https://127.0.0.1:" + other.httpsPort();
    }

    static Stream<Arguments> tokenRedirects() {
        return Stream.of(
                Arguments.of("307 to another port", 307,
                        (Supplier<String>) () -> otherOrigin() + "/api/v4/personal_access_tokens/self",
                        (Supplier<Integer>) () -> other.state().requests().size()),
                Arguments.of("308 to another host name and port", 308,
                        (Supplier<String>) () -> "https://localhost:" + other.httpsPort() + "/api/v4/user",
                        (Supplier<Integer>) () -> other.state().requests().size()),
                Arguments.of("302 down to plain http", 302,
                        (Supplier<String>) () -> "http://127.0.0.1:" + plain.getAddress().getPort() + "/api/v4/user",
                        (Supplier<Integer>) plainRequests::size),
                Arguments.of("301 to another host name, same port", 301,
                        (Supplier<String>) () -> "https://localhost:" + server.httpsPort() + "/api/v4/user",
                        (Supplier<Integer>) () -> server.state().requests().size() - 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenRedirects")
    void aRedirectNeverTakesTheTokenToAnotherOrigin(String name, int status, Supplier<String> location,
                                                   Supplier<Integer> requestsThere) {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, status, "text/html", "",
                Map.of("Location", location.get()));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("GITLAB_TOKEN", Seed.API_TOKEN).run(withServer("login"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("redirected the request to another origin")
                .contains(URI.create(location.get()).getHost()).contains("--host");
        assertThat(requestsThere.get()).as("requests at the redirect's target").isZero();
        assertThat(r.all()).doesNotContain(Seed.API_TOKEN);
        before.assertUnchanged();
    }

    @Test
    void aRedirectWithinTheInstanceStillWorks() {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 301, "text/html", "", Map.of("Location",
                server.baseUrl() + "/api/v4/personal_access_tokens/self?moved=1"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("GITLAB_TOKEN", Seed.API_TOKEN).run(withServer("login"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("alice");
        before.assertUnchanged();
    }

    @Test
    void aKeyUploadRepeatedBy307ToAnotherPortSendsNeitherTokenNorKey() throws IOException {
        var created = cli().run("ssh-key", "create", "--file", home.resolve(".ssh/id_test").toString());
        assertThat(created.exitCode()).as(created.all()).isZero();
        int keys = server.state().keys().size();
        server.faults().add("/api/v4/user/keys", 1, 307, "text/html", "", Map.of("Location",
                otherOrigin() + "/api/v4/user/keys"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("GITLAB_TOKEN", Seed.API_TOKEN).run(withServer("ssh-key", "upload", "--file",
                home.resolve(".ssh/id_test.pub").toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("another origin").contains(otherOrigin().substring(8));
        assertThat(other.state().requests()).isEmpty();
        assertThat(other.state().keys()).isEmpty();
        assertThat(server.state().keys()).hasSize(keys);
        before.assertUnchanged();
    }

    @Test
    void revokingAPersonalTokenRedirectedElsewhereIsRefused() {
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 308, "text/html", "", Map.of("Location",
                otherOrigin() + "/api/v4/personal_access_tokens/self"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("GITLAB_TOKEN", Seed.API_TOKEN).run(withServer("login", "--revoke"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("another origin");
        assertThat(other.state().requests()).isEmpty();
        before.assertUnchanged();
    }

    private static boolean browse(String url) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .sslContext(TestHttp.trusting(server.certificates().caCertificate())).build();
        CompletableFuture.runAsync(() -> {
            try {
                browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return true;
    }

    private CliRunner.Result webLogin() {
        return cli().browser(SecretsHostileTest::browse).run(withServer("login", "--web", "--oauth-client-id",
                OAuthProvider.CLIENT_ID));
    }

    @Test
    void theOAuthCodeAndVerifierAreNotRepeatedToAnotherOriginBy307() {
        server.faults().add("/oauth/token", 1, 307, "text/html", "", Map.of("Location", otherOrigin() + "/oauth/token"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = webLogin();
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("redirected the request to another origin");
        assertThat(other.state().requests()).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void theOAuthTokenRequestIsNotTurnedIntoAGetElsewhereBy302() {
        server.faults().add("/oauth/token", 1, 302, "text/html", "", Map.of("Location",
                "http://127.0.0.1:" + plain.getAddress().getPort() + "/oauth/token"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = webLogin();
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("another origin").contains("http://127.0.0.1:" + plain.getAddress().getPort());
        assertThat(plainRequests).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void theTokenToRevokeIsNotSentElsewhere() {
        server.faults().add("/oauth/revoke", 1, 307, "text/html", "", Map.of("Location", otherOrigin() + "/oauth/revoke"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = webLogin();
        // Signed in; the revocation was refused, and the user is told the token lives on until it expires.
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.err()).contains("could not be revoked").contains("another origin");
        assertThat(other.state().requests()).isEmpty();
        before.assertUnchanged();
    }

    @Test
    void jgitDoesNotFollowARedirectToAnotherHostWithTheBasicCredential() {
        server.faults().add("/" + Seed.PROJECT_ONE + ".git/info/refs", 1, 302, "text/html", "", Map.of("Location",
                "https://localhost:" + other.httpsPort() + "/" + Seed.PROJECT_ONE + ".git/info/refs?service=git-upload-pack"));
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        HttpSettings http = new HttpSettings(env, List.of(bothCas));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        HttpsCheckResult r = new HttpsAccessCheck(http, env, null, null).lsRemote(server.httpUrl(Seed.PROJECT_ONE),
                "alice", Secret.of(Seed.READ_REPOSITORY_TOKEN));
        assertThat(r.outcome()).as(r.detail()).isEqualTo(HttpsCheckResult.Outcome.REDIRECT_REFUSED);
        assertThat(r.detail()).contains("another origin").contains("localhost").doesNotContain(Seed.READ_REPOSITORY_TOKEN);
        assertThat(other.state().requests()).isEmpty();
        before.assertUnchanged();
    }

    /** A {@code git} first on the PATH that records its arguments and environment, then runs the real one. */
    private Path recordingGit(Path log) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + home.getFileName()));
        String realGit = Processes.run(null, Map.of(), null, List.of("sh", "-c", "command -v git")).stdout().strip();
        Path script = bin.resolve("git");
        Files.writeString(script, "#!/bin/sh\n{ printf 'ARGV'; for a in \"$@\"; do printf ' [%s]' \"$a\"; done; echo;"
                + " env; echo ENDENV; } >> '" + log + "'\nexec '" + realGit + "' \"$@\"\n");
        script.toFile().setExecutable(true);
        return bin;
    }

    @Test
    void verifyOfARemoteWithAnEmbeddedTokenKeepsItOutOfArgvAndEnvironmentAndStoresNothing() throws Exception {
        assumeTrue(Processes.available("git"));
        Path repo = Files.createDirectories(home.resolve("src/one"));
        new GitRepos(home).init(repo);
        String hostPort = server.baseUrl().substring("https://".length());
        new GitRepos(home).remote(repo, "origin", "https://alice:" + Seed.READ_REPOSITORY_TOKEN + "@" + hostPort + "/"
                + Seed.PROJECT_ONE + ".git");
        // The user's own helper would store any credential git approves: nothing may reach it.
        Files.writeString(home.resolve(".gitconfig"), "[credential]\n\thelper = store\n[http]\n\tsslCAInfo = "
                + server.caFile() + "\n");
        Path log = dir.resolve("git-" + home.getFileName() + ".log");
        Path bin = recordingGit(log);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("PATH", bin + ":" + System.getenv("PATH")).env("GITLAB_TOKEN", Seed.API_TOKEN)
                .env("DEPLOY_PASSWORD", "hunter2-deploy").env("AWS_SECRET_ACCESS_KEY", "aws-secret-value")
                .run(withServer("verify", "--https", "--json", home.resolve("src").toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        JsonNode checked = doc.get("repositories").get(0);
        assertThat(checked.get("outcome").asText()).as(checked.toString()).isEqualTo("ok");
        assertThat(checked.get("url").asText()).isEqualTo("https://alice:****@" + hostPort + "/" + Seed.PROJECT_ONE
                + ".git");
        String recorded = Files.readString(log);
        assertThat(recorded).contains("ARGV [ls-remote] [--] [https://" + hostPort + "/" + Seed.PROJECT_ONE + ".git]")
                .doesNotContain(Seed.READ_REPOSITORY_TOKEN).doesNotContain(Seed.API_TOKEN)
                .doesNotContain("GITLAB_TOKEN").doesNotContain("hunter2-deploy").doesNotContain("aws-secret-value")
                .contains("GIT_CONFIG_KEY_1=credential.helper");
        assertThat(r.all()).doesNotContain(Seed.READ_REPOSITORY_TOKEN).doesNotContain(Seed.API_TOKEN);
        before.assertUnchanged();
        assertThat(home.resolve(".git-credentials")).doesNotExist();
    }

    @Test
    void aWrongEmbeddedPasswordIsReportedWithoutShowingIt() throws Exception {
        assumeTrue(Processes.available("git"));
        Path repo = Files.createDirectories(home.resolve("src/one"));
        new GitRepos(home).init(repo);
        String hostPort = server.baseUrl().substring("https://".length());
        new GitRepos(home).remote(repo, "origin", "https://alice:wr%40ng:pa%2Fss@" + hostPort + "/"
                + Seed.PROJECT_ONE + ".git");
        Files.writeString(home.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().run(withServer("verify", "--https", "--json", home.resolve("src").toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        JsonNode checked = JSON.readTree(r.out()).get("repositories").get(0);
        assertThat(checked.get("outcome").asText()).as(checked.toString()).isEqualTo("access-denied");
        assertThat(r.all()).doesNotContain("wr%40ng").doesNotContain("pa%2Fss").doesNotContain("wr@ng");
        assertThat(r.err()).contains("could not be read");
        before.assertUnchanged();
    }

    @Test
    void aShortKeyPassphraseThatIsAlsoAWordDoesNotCorruptTheJournalOrUndo() throws Exception {
        assumeTrue(Processes.available("git"));
        Path passphrase = Files.writeString(dir.resolve("passphrase-" + home.getFileName()), "gitlab\n");
        var created = cli().run("ssh-key", "create", "--file", home.resolve(".ssh/id_word").toString(),
                "--passphrase-file", passphrase.toString());
        assertThat(created.exitCode()).as(created.all()).isZero();
        GitRepos git = new GitRepos(home);
        Path repo = git.init(home.resolve("src/gitlab"));
        String url = "https://gitlab.example.com/gitlab-org/gitlab.git";
        git.remote(repo, "origin", url);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        String[] target = {"--host", "https://gitlab.example.com", "--ssh-host", "gitlab.example.com", "--ssh-port", "22"};
        var rewrite = cli().run(Stream.concat(Stream.of("repos", "rewrite", "--to", "ssh", "--yes",
                home.resolve("src").toString()), Stream.of(target)).toArray(String[]::new));
        assertThat(rewrite.exitCode()).as(rewrite.all()).isZero();
        assertThat(rewrite.out()).contains(url).doesNotContain("****");
        assertThat(git.config(repo, "remote.origin.url")).isEqualTo("git@gitlab.example.com:gitlab-org/gitlab.git");
        Path journalDir = home.resolve(".local/state/gitlab-access/journal");
        try (Stream<Path> journals = Files.list(journalDir)) {
            String journal = Files.readString(journals.filter(p -> p.getFileName().toString().startsWith("rewrite-"))
                    .findFirst().orElseThrow());
            assertThat(journal).contains("\"old\":\"" + url + "\"").doesNotContain("****");
        }
        var undo = cli().run(Stream.concat(Stream.of("repos", "undo"), Stream.of(target)).toArray(String[]::new));
        assertThat(undo.exitCode()).as(undo.all()).isZero();
        assertThat(git.config(repo, "remote.origin.url")).isEqualTo(url);
        before.assertUnchangedExcept(p -> p.startsWith(".local") || p.equals("src/gitlab/.git/config"));
    }

    @Test
    void aPasswordHoldingAnAtSignIsMaskedWholeInAScan() throws Exception {
        assumeTrue(Processes.available("git"));
        GitRepos git = new GitRepos(home);
        Path repo = git.init(home.resolve("src/at"));
        git.remote(repo, "origin", "https://alice:p@ss:w/rd@gitlab.example.com/g/p.git");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().run("repos", "scan", "--json", "--host", "https://gitlab.example.com", home.resolve("src").toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode remote = JSON.readTree(r.out()).get("repositories").get(0).get("remotes").get(0);
        assertThat(remote.get("url").asText()).isEqualTo("https://alice:****@gitlab.example.com/g/p.git");
        assertThat(r.all()).doesNotContain("ss:w").doesNotContain("w/rd").doesNotContain("p@ss");
        before.assertUnchanged();
    }

    @Test
    void aServerEchoingTheAuthorizationHeaderInJsonHasItMasked() {
        String echoed = "9c0ffee5b1ade7a1d0c4a2e6";
        server.faults().add("/api/v4/personal_access_tokens/self", 1, 400, "application/json",
                "{\"message\":\"bad request: {\\\"Authorization\\\": \\\"Bearer " + echoed + "\\\", \\\"PRIVATE-TOKEN\\\":"
                        + " \\\"" + echoed + "\\\"}\"}", Map.of());
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().env("GITLAB_TOKEN", Seed.API_TOKEN).run(withServer("login"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("\"Authorization\": \"Bearer ****\"").contains("\"PRIVATE-TOKEN\": \"****\"")
                .doesNotContain(echoed);
        before.assertUnchanged();
    }

    @Test
    void doctorShowsNoNetrcPasswordNorDockerAuth() throws Exception {
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password Hunter2-netrc\n");
        Files.createDirectories(home.resolve(".docker"));
        String auth = java.util.Base64.getEncoder().encodeToString(("alice:" + Seed.API_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\": {\"127.0.0.1:5050\": {\"auth\": \"" + auth
                + "\", \"identitytoken\": \"docker-identity-xyz\"}}}");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().run(withServer("doctor", "--json"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("netrc-plaintext").contains("docker-registry-credentials");
        assertThat(r.all()).doesNotContain("Hunter2-netrc").doesNotContain(auth).doesNotContain(Seed.API_TOKEN)
                .doesNotContain("docker-identity-xyz");
        before.assertUnchanged();
    }

    @Test
    void anEmbeddedPasswordIsNeverSentOverPlainHttp() throws Exception {
        assumeTrue(Processes.available("git"));
        Path repo = Files.createDirectories(home.resolve("src/plain"));
        new GitRepos(home).init(repo);
        String plainHost = "127.0.0.1:" + plain.getAddress().getPort();
        new GitRepos(home).remote(repo, "origin", "http://alice:Plain-Text-Pw1@" + plainHost + "/" + Seed.PROJECT_ONE
                + ".git");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().run("verify", "--https", "--json", "--host", "http://" + plainHost, home.resolve("src").toString());
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        JsonNode checked = JSON.readTree(r.out()).get("repositories").get(0);
        assertThat(checked.get("detail").asText()).contains("plain http");
        assertThat(plainRequests).isEmpty();
        assertThat(r.all()).doesNotContain("Plain-Text-Pw1");
        before.assertUnchanged();
    }

    @Test
    void anEmbeddedUserNameWithALineBreakCannotForgeTheCredentialAnswer() throws Exception {
        assumeTrue(Processes.available("git"));
        Path repo = Files.createDirectories(home.resolve("src/forged"));
        new GitRepos(home).init(repo);
        String hostPort = server.baseUrl().substring("https://".length());
        new GitRepos(home).remote(repo, "origin", "https://alice%0Apassword=" + Seed.ALICE_PASSWORD + ":x@" + hostPort
                + "/" + Seed.PROJECT_ONE + ".git");
        Files.writeString(home.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli().run(withServer("verify", "--https", "--json", home.resolve("src").toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        JsonNode checked = JSON.readTree(r.out()).get("repositories").get(0);
        assertThat(checked.get("detail").asText()).contains("line break");
        assertThat(server.state().requests()).noneMatch(q -> q.path().contains(Seed.PROJECT_ONE));
        before.assertUnchanged();
    }
}
