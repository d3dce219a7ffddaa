package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 6's "done when": the token stored through git's cache helper and the CA configured for the
 * host, plain git clones, fetches and pushes with prompts off, and the token is in no file of the
 * home, in no process output and in no log line.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpsTokenEndToEndTest {
    static final String TOKEN = Seed.WRITE_REPOSITORY_TOKEN;

    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Sandbox sandbox;
    static GitHost host;
    static Path socket;
    static final List<String> outputs = new ArrayList<>();
    static ch.qos.logback.classic.Logger logger;
    static Level previousLevel;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Processes.available("git"), "git is not installed");
        server = GitLabTestServer.start(dir.resolve("server"));
        host = GitHost.of(server.baseUrl());
        sandbox = Sandbox.in(dir.resolve("home"));
        socket = sandbox.home().resolve(".cache/git-credential-cache/sock");
        // What a laptop looks like before: a generic plaintext helper, and a dead token in its file.
        Files.writeString(sandbox.home().resolve(".gitconfig"), "[credential]\n\thelper = store\n");
        Files.writeString(sandbox.home().resolve(".git-credentials"), "https://alice:" + Seed.EXPIRED_TOKEN + "@"
                + host.hostAndPort() + "\nhttps://bob:other-host-secret@github.com\n");
        // Log what --verbose would log, to prove no line carries the token.
        logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.gitlabaccess.core.credentials");
        previousLevel = logger.getLevel();
        logger.setLevel(Level.DEBUG);
    }

    @AfterAll
    static void stop() throws IOException {
        if (logger != null) {
            logger.setLevel(previousLevel);
        }
        if (sandbox != null) {
            Processes.run(sandbox.home(), sandbox.processEnv(), "git", "credential-cache", "--socket", socket.toString(),
                    "exit");
        }
        if (server != null) {
            server.close();
        }
    }

    private static Processes.Result git(Path in, String... args) throws IOException {
        // As the user would run it: without the CA variables this build machine sets (they override git's config).
        List<String> command = new ArrayList<>(List.of("env", "-u", "GIT_SSL_CAINFO", "-u", "CURL_CA_BUNDLE",
                "-u", "SSL_CERT_FILE", "git"));
        command.addAll(List.of(args));
        Processes.Result r = Processes.run(in, sandbox.processEnv(), null, command);
        outputs.add(r.all());
        return r;
    }

    private static HttpsAccessCheck check() {
        HttpSettings http = new HttpSettings(sandbox.env(), List.of(server.caFile()));
        return new HttpsAccessCheck(http, sandbox.env(), sandbox.git(),
                new TokenProbe(new GitLabClient(http, server.baseUrl(), null)));
    }

    @Test
    @Order(1)
    void withTheInheritedStoreHelperStoringIsRefused() {
        assertThatThrownBy(() -> new GitTokenStore(sandbox.git()).store(host, "alice", Secret.of(TOKEN), null))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("plain text");
    }

    @Test
    @Order(2)
    void theTokenStoredWithTheCacheHelperServesPlainGit() throws IOException {
        GitCommand gitCmd = sandbox.git();
        HelperConfiguration helper = new HelperConfigurator(gitCmd).configure(host, new HelperSpec.Cache(socket, null));
        assertThat(helper.exclusive()).as(helper.others().toString()).isTrue();
        new GitCaConfigurator(gitCmd, AppDirectories.of(sandbox.env()), new AtomicFile()).configure(host,
                server.caFile());
        assertThat(sandbox.home().resolve(".config/gitlab-access/ca/127.0.0.1_" + server.httpsPort() + ".pem"))
                .hasSameTextualContentAs(server.caFile());

        StoredToken stored = new GitTokenStore(gitCmd).store(host, "alice", Secret.of(TOKEN), null);
        assertThat(stored.verified()).isTrue();
        assertThat(stored.helpers()).extracting(HelperEntry::kind).containsExactly(HelperKind.EPHEMERAL);

        // The stale plaintext copy: reported, then removed; the other host's line stays.
        GitCredentialsFiles files = new GitCredentialsFiles(sandbox.home(),
                AppDirectories.of(sandbox.env()).xdgConfigHome(), new AtomicFile());
        assertThat(files.find(host)).singleElement().satisfies(f -> assertThat(f.describe(sandbox.home()))
                .isEqualTo("plaintext secret for " + host.hostAndPort() + " (user alice) in ~/.git-credentials (line 1)"));
        files.remove(host);
        assertThat(sandbox.home().resolve(".git-credentials")).hasContent("https://bob:other-host-secret@github.com");

        Path clone = dir.resolve("clone");
        var cloned = git(dir, "clone", server.httpUrl(Seed.PROJECT_ONE), clone.toString());
        assertThat(cloned.exitCode()).as(cloned.all() + Files.readString(sandbox.home().resolve(".gitconfig")))
                .isZero();
        assertThat(git(clone, "fetch", "origin").exitCode()).isZero();
        Files.writeString(clone.resolve("https.txt"), "pushed with the stored token\n");
        git(clone, "add", "https.txt");
        git(clone, "-c", "user.name=Alice", "-c", "user.email=a@example.com", "commit", "-q", "-m", "https");
        var pushed = git(clone, "push", "origin", "HEAD:refs/heads/stored-token");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();

        HttpsAccessCheck check = check();
        assertThat(check.gitLsRemote(server.httpUrl(Seed.PROJECT_ONE)).outcome()).isEqualTo(HttpsCheckResult.Outcome.OK);
        var dryRun = check.gitPushDryRun(clone, "origin");
        assertThat(dryRun.outcome()).as(dryRun.detail()).isEqualTo(HttpsCheckResult.Outcome.OK);
    }

    @Test
    @Order(3)
    void jgitChecksTellTheFailuresApart() {
        HttpsAccessCheck check = check();
        String url = server.httpUrl(Seed.PROJECT_ONE);
        var ok = check.lsRemote(url, "alice", Secret.of(TOKEN));
        assertThat(ok.outcome()).as(ok.detail()).isEqualTo(HttpsCheckResult.Outcome.OK);
        assertThat(ok.refs()).isPositive();
        assertThat(check.pushAccess(url, "alice", Secret.of(TOKEN)).outcome()).isEqualTo(HttpsCheckResult.Outcome.OK);
        var readOnly = check.pushAccess(url, "alice", Secret.of(Seed.READ_REPOSITORY_TOKEN));
        assertThat(readOnly.outcome()).as(readOnly.detail()).isEqualTo(HttpsCheckResult.Outcome.NO_WRITE_ACCESS);
        assertThat(check.lsRemote(url, "alice", Secret.of(Seed.EXPIRED_TOKEN)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.TOKEN_EXPIRED);
        assertThat(check.lsRemote(url, "alice", Secret.of(Seed.REVOKED_TOKEN)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.TOKEN_REVOKED);
        assertThat(check.lsRemote(url, "alice", Secret.of(Seed.READ_USER_TOKEN)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.INSUFFICIENT_SCOPE);
        var password = check.lsRemote(url, "alice", Secret.exact(Seed.ALICE_PASSWORD));
        assertThat(password.outcome()).as(password.detail()).isEqualTo(HttpsCheckResult.Outcome.ACCESS_DENIED);
        assertThat(password.detail()).contains("two-factor");
        assertThat(check.lsRemote(server.httpUrl("group/missing"), "alice", Secret.of(TOKEN)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.NOT_FOUND);

        // Without the product's CA, JGit refuses the certificate: verification is never off.
        HttpsAccessCheck untrusted = new HttpsAccessCheck(new HttpSettings(sandbox.env(), List.of()), sandbox.env(),
                sandbox.git(), null);
        assertThat(untrusted.lsRemote(url, "alice", Secret.of(TOKEN)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.TLS_UNTRUSTED);
    }

    @Test
    @Order(4)
    void realGitWithoutACredentialOrCaSaysSo() throws IOException {
        Sandbox bare = Sandbox.in(dir.resolve("bare-home"));
        HttpsAccessCheck check = new HttpsAccessCheck(new HttpSettings(bare.env(), List.of()), bare.env(), bare.git(),
                null);
        assertThat(check.gitLsRemote(server.httpUrl(Seed.PROJECT_ONE)).outcome())
                .isEqualTo(HttpsCheckResult.Outcome.TLS_UNTRUSTED);
        new GitCaConfigurator(bare.git(), AppDirectories.of(bare.env()), new AtomicFile()).configure(host,
                server.caFile());
        var none = check.gitLsRemote(server.httpUrl(Seed.PROJECT_ONE));
        assertThat(none.outcome()).as(none.detail()).isEqualTo(HttpsCheckResult.Outcome.NO_CREDENTIAL);
    }

    @Test
    @Order(5)
    void aNewTokenReplacesTheOldOneForGit() {
        GitTokenStore store = new GitTokenStore(sandbox.git());
        assertThat(store.store(host, "alice", Secret.of(Seed.API_TOKEN), null).verified()).isTrue();
        assertThat(check().gitLsRemote(server.httpUrl(Seed.PROJECT_ONE)).ok()).isTrue();
        assertThat(store.store(host, "alice", Secret.of(TOKEN), null).verified()).isTrue();
        var filled = new GitCredentialProtocol(sandbox.git()).fill(CredentialRequest.forHost(host)).orElseThrow();
        assertThat(filled.password().sameValueAs(Secret.of(TOKEN))).isTrue();
        assertThat(filled.username()).isEqualTo("alice");
    }

    @Test
    @Order(6)
    void theTokenIsInNoFileNoOutputAndNoLogLine() throws IOException {
        List<Path> holding = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(sandbox.home())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (content.contains(TOKEN) || content.contains(Seed.API_TOKEN)) {
                    holding.add(p);
                }
            }
        }
        assertThat(holding).isEmpty();
        assertThat(outputs).isNotEmpty().noneMatch(o -> o.contains(TOKEN));
        Path log = Path.of(System.getProperty("gitlab-access.log.dir", "target/test-logs"), "gitlab-access.log");
        if (Files.exists(log)) {
            String text = Files.readString(log);
            assertThat(text).doesNotContain(TOKEN).doesNotContain(Seed.API_TOKEN).doesNotContain(Seed.EXPIRED_TOKEN);
        }
    }
}
