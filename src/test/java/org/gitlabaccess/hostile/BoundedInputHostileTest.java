package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.GitRepos;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point 6 of issue 13, bounded inputs: FIFOs, devices and huge files where git or the home keeps a
 * small file are never opened (a FIFO would block the run for good, {@code /dev/zero} would fill the
 * memory) and are reported as skipped; a server that trickles, floods or garbles its answer ends the
 * run with exit 4 and a clear message; a list is read to its last page. Each case runs in a thread
 * of its own with a timeout, so a regression shows as a failure, not as a hung build.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedInputHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = ServerRuns.STATE;

    @TempDir
    static Path dir;
    static GitLabTestServer server;

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

    // --- files in scanned repositories

    @Test
    void aFifoAsARepositorysConfigIsSkippedByReposScan() throws Exception {
        Path home = home("fifo-config-scan");
        Path repo = repoWithFifoConfig(home);
        Path good = goodRepo(home);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(skipped(doc)).contains(Map.entry(repo.resolve(".git/config").toString(), "not-a-regular-file"));
        assertThat(paths(doc.get("repositories"))).contains(repo.toString(), good.toString());
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsARepositorysConfigIsNamedInTheTextReport() throws Exception {
        Path home = home("fifo-config-text");
        Path repo = repoWithFifoConfig(home);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("skipped " + repo.resolve(".git/config"), "not-a-regular-file");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsARepositorysConfigIsAWarningOfTheDoctor() throws Exception {
        Path home = home("fifo-config-doctor");
        Path repo = repoWithFifoConfig(home);
        FileTreeSnapshot before = FileTreeSnapshot.of(home.resolve("src"));

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json", "--scan", home.resolve("src").toString()));

        JsonNode check = check(JSON.readTree(r.out()), "remote-embedded-credentials");
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("summary").asText()).contains(repo.resolve(".git/config").toString(), "not-a-regular-file");
        // The doctor fails for this sandbox's other reasons (no key, no helper), never on the FIFO: 1, not a crash.
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.err()).doesNotContain("unexpected", "Exception");
        before.assertUnchanged();
    }

    @Test
    void aFifoAsARepositorysConfigDoesNotHoldSetup() throws Exception {
        Path home = home("fifo-config-setup");
        Path repo = repoWithFifoConfig(home);
        FileTreeSnapshot before = FileTreeSnapshot.of(home.resolve("src"));

        var r = cli(home, Seed.API_TOKEN).run(args("setup", "--method", "ssh", "--yes", "--json", "--scan",
                home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode rewrite = step(JSON.readTree(r.out()), "rewrite-remotes");
        assertThat(rewrite.toString()).contains(repo.resolve(".git/config").toString(), "not-a-regular-file");
        before.assertUnchanged();
    }

    @Test
    void aConfigLinkedToDevZeroIsSkippedNotRead() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path home = home("devzero-config");
        Path repo = new GitRepos(home).init(home.resolve("src/zero"));
        Files.delete(repo.resolve(".git/config"));
        Files.createSymbolicLink(repo.resolve(".git/config"), Path.of("/dev/zero"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(skipped(JSON.readTree(r.out())))
                .contains(Map.entry(repo.resolve(".git/config").toString(), "not-a-regular-file"));
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aGitFilePointingAtAFifoIsSkipped() throws Exception {
        Path home = home("gitfile-fifo");
        Path tree = Files.createDirectories(home.resolve("src/pointer"));
        Path fifo = home.resolve("elsewhere.fifo");
        mkfifo(fifo);
        Files.writeString(tree.resolve(".git"), "gitdir: " + fifo + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(skipped(doc)).contains(Map.entry(fifo.toString(), "not-a-directory"));
        assertThat(paths(doc.get("repositories"))).doesNotContain(tree.toString());
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoNamedDotGitIsSkipped() throws Exception {
        Path home = home("dotgit-fifo");
        Path tree = Files.createDirectories(home.resolve("src/odd"));
        Files.createDirectories(tree.resolve("sub"));
        mkfifo(tree.resolve(".git"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(skipped(JSON.readTree(r.out())))
                .contains(Map.entry(tree.resolve(".git").toString(), "not-a-regular-file"));
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsHeadIsSkippedAndTheRepositoryNotTakenForOne() throws Exception {
        Path home = home("head-fifo");
        Path repo = new GitRepos(home).init(home.resolve("src/headless"));
        Files.delete(repo.resolve(".git/HEAD"));
        mkfifo(repo.resolve(".git/HEAD"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(skipped(doc)).contains(Map.entry(repo.resolve(".git/HEAD").toString(), "not-a-regular-file"));
        assertThat(paths(doc.get("repositories"))).doesNotContain(repo.toString());
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFiftyMegabyteConfigIsSkippedAsTooLarge() throws Exception {
        Path home = home("huge-config");
        Path repo = new GitRepos(home).init(home.resolve("src/huge"));
        try (RandomAccessFile f = new RandomAccessFile(repo.resolve(".git/config").toFile(), "rw")) {
            f.setLength(50L << 20); // sparse: 50 MiB of zero bytes behind the real configuration
        }
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(skipped(doc)).contains(Map.entry(repo.resolve(".git/config").toString(), "too-large"));
        JsonNode listed = repository(doc, repo);
        assertThat(listed.get("problem").asText()).contains("too-large");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aGlobalGitconfigIncludingAFifoIsSkipped() throws Exception {
        Path home = home("include-fifo");
        goodRepo(home);
        Path fifo = home.resolve("included.fifo");
        mkfifo(fifo);
        Files.writeString(home.resolve(".gitconfig"), "[include]\n\tpath = " + fifo + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(skipped(JSON.readTree(r.out()))).contains(Map.entry(fifo.toString(), "not-a-regular-file"));
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsTheGlobalGitconfigIsSkipped() throws Exception {
        Path home = home("gitconfig-fifo");
        Path good = goodRepo(home);
        mkfifo(home.resolve(".gitconfig"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run(args("repos", "scan", "--json", home.resolve("src").toString()));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(skipped(doc)).contains(Map.entry(home.resolve(".gitconfig").toString(), "not-a-regular-file"));
        assertThat(repository(doc, good).get("remotes").get(0).get("kind").asText()).isEqualTo("https");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsTheGlobalGitconfigDoesNotHoldTheDoctor() throws Exception {
        Path home = home("gitconfig-fifo-doctor");
        mkfifo(home.resolve(".gitconfig"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));
        long start = System.nanoTime();

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode doc = JSON.readTree(r.out());
        for (String id : List.of("git-version", "credential-helper")) {
            assertThat(check(doc, id).get("summary").asText()).as(id)
                    .contains(home.resolve(".gitconfig") + " (not-a-regular-file)", "git is not started");
        }
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    // --- files in the home

    @Test
    void aFifoAsSshConfigDoesNotHoldTheDoctor() throws Exception {
        Path home = home("ssh-config-fifo");
        Files.createDirectories(home.resolve(".ssh"));
        mkfifo(home.resolve(".ssh/config"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));
        long start = System.nanoTime();

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(45));
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        assertThat(r.out()).contains(home.resolve(".ssh/config").toString(), "not-a-regular-file");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsThePublicKeyIsALocalFilesErrorNotAHang() throws Exception {
        Path home = home("pub-fifo");
        var created = cli(home, null).run(args("ssh-key", "create", "--json"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        Path pub = Path.of(JSON.readTree(created.out()).get("publicKey").asText());
        Files.delete(pub);
        mkfifo(pub);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("ssh-key", "upload"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
        assertThat(r.err()).contains(pub.toString());
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aTwoMegabyteGitCredentialsFileIsNamedByTheDoctorNotRead() throws Exception {
        Path home = home("credentials-huge");
        try (RandomAccessFile f = new RandomAccessFile(home.resolve(".git-credentials").toFile(), "rw")) {
            f.setLength(2L << 20);
        }
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json"));

        JsonNode check = check(JSON.readTree(r.out()), "git-credentials-plaintext");
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("summary").asText()).contains(home.resolve(".git-credentials").toString(), "too-large");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsNetrcIsNamedByTheDoctor() throws Exception {
        Path home = home("netrc-fifo");
        mkfifo(home.resolve(".netrc"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json"));

        JsonNode check = check(JSON.readTree(r.out()), "netrc-plaintext");
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("summary").asText()).contains(home.resolve(".netrc").toString(), "not-a-regular-file");
        // git over HTTPS would read it too: not run into, named.
        JsonNode https = check(JSON.readTree(r.out()), "https-git-access");
        assertThat(https.get("summary").asText()).contains("Not tried", home.resolve(".netrc").toString());
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aDockerConfigLinkedToDevZeroIsNamedByTheDoctor() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")));
        Path home = home("docker-devzero");
        Files.createDirectories(home.resolve(".docker"));
        Files.createSymbolicLink(home.resolve(".docker/config.json"), Path.of("/dev/zero"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("doctor", "--json"));

        JsonNode check = check(JSON.readTree(r.out()), "docker-registry-credentials");
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("summary").asText()).contains(".docker/config.json", "not-a-regular-file");
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aFifoAsTheUsersSiteConfigurationIsALocalFilesError() throws Exception {
        Path home = home("site-fifo");
        Path site = Files.createDirectories(home.resolve(".config/gitlab-access")).resolve("config.json");
        mkfifo(site);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, null).run("repos", "scan", home.resolve(".config").toString());

        assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
        assertThat(r.err()).contains(site.toString(), "is not a regular file", "was not read");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    // --- answers from the server

    @Test
    void aServerTricklingItsAnswerIsCutOffAtTheDeadline() throws Exception {
        Path home = home("trickle");
        server.faults().trickle("/api/v4/personal_access_tokens/self", 1,
                "{\"id\":1,\"name\":\"x\",\"scopes\":[\"api\"]}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));
        long start = System.nanoTime();

        var r = cli(home, Seed.API_TOKEN).property(HttpSettings.DEADLINE_PROPERTY, "3").run(args("login"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("did not send its whole answer to /api/v4/personal_access_tokens/self within 3 seconds");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aTenMegabyteAnswerIsRefused() throws Exception {
        Path home = home("flood");
        byte[] huge = new byte[10 << 20];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        server.faults().replaceBody("/api/v4/personal_access_tokens/self", 1, huge);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("login"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("answered /api/v4/personal_access_tokens/self with more than 8 MiB");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void malformedJsonFromUserIsExitFourWithTheEndpointNamed() throws Exception {
        Path home = home("malformed-user");
        server.faults().replaceBody("/api/v4/user", 1, "{\"id\": 1, \"username\": ".getBytes(StandardCharsets.UTF_8));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("login"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("GitLab at 127.0.0.1:" + server.httpsPort()
                + " answered /api/v4/user with something that is not what GitLab sends: the body is not JSON");
        assertThat(r.err()).doesNotContain("NullPointerException", "unexpected");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aKeyOnTheThirdPageIsFoundAsAlreadyRegistered() throws Exception {
        Path home = home("third-page");
        var created = cli(home, null).run(args("ssh-key", "create", "--json"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        Path pub = Path.of(JSON.readTree(created.out()).get("publicKey").asText());
        long alice = server.state().userByName(Seed.ALICE).orElseThrow().id();
        for (int i = 0; i < 250; i++) {
            addKey(alice, "filler " + i, generated());
        }
        PublicKey mine = PublicKeyEntry.parsePublicKeyEntry(Files.readString(pub).strip())
                .resolvePublicKey(null, Map.of(), null);
        addKey(alice, "mine, on page three", mine);
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));
        int keysBefore = server.state().keysOf(alice).size();
        int requestsBefore = server.state().requests().size();

        var r = cli(home, Seed.API_TOKEN).run(args("ssh-key", "upload", "--json"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("alreadyRegistered").asBoolean()).isTrue();
        assertThat(doc.get("title").asText()).isEqualTo("mine, on page three");
        assertThat(server.state().keysOf(alice)).hasSize(keysBefore);
        // Three pages of 100 were read: the key is the 251st.
        assertThat(server.state().requests().stream().skip(requestsBefore).filter(q -> q.method().equals("GET")
                && q.path().equals("/api/v4/user/keys"))).hasSize(3);
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aNextPageOnAnotherOriginIsRefused() throws Exception {
        Path home = home("next-elsewhere");
        var created = cli(home, null).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        server.faults().add("/api/v4/user/keys", 1, 200, "application/json", "[]",
                Map.of("Link", "<https://evil.example:8443/api/v4/user/keys?page=2&per_page=100>; rel=\"next\""));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));
        int requestsBefore = server.state().requests().size();

        var r = cli(home, Seed.API_TOKEN).run(args("ssh-key", "upload"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("the next page of the list is at another address (https://evil.example:8443)");
        assertThat(server.state().requests().stream().skip(requestsBefore).filter(q -> q.method().equals("POST")
                && q.path().equals("/api/v4/user/keys"))).isEmpty();
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    @Test
    void aListWhoseNextPageIsItselfEnds() throws Exception {
        Path home = home("endless");
        var created = cli(home, null).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        server.faults().add("/api/v4/user/keys", 1000, 200, "application/json", "[]",
                Map.of("X-Next-Page", "2"));
        FileTreeSnapshot before = FileTreeSnapshot.of(home, p -> !p.startsWith(STATE));

        var r = cli(home, Seed.API_TOKEN).run(args("ssh-key", "upload"));

        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("the list goes on past 100 pages");
        before.assertUnchangedExcept(p -> p.startsWith(STATE));
    }

    // --- helpers

    private static Path home(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static CliRunner cli(Path home, String token) {
        return ServerRuns.cli(home, token);
    }

    private static String[] args(String... rest) {
        return ServerRuns.args(server, rest);
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(p.waitFor()).as("mkfifo " + path).isZero();
    }

    /** A repository whose {@code .git/config} is a FIFO: opening it for reading would wait for a writer for ever. */
    private static Path repoWithFifoConfig(Path home) throws Exception {
        Path repo = new GitRepos(home).init(home.resolve("src/fifo"));
        Files.delete(repo.resolve(".git/config"));
        mkfifo(repo.resolve(".git/config"));
        return repo;
    }

    private static Path goodRepo(Path home) throws IOException {
        GitRepos git = new GitRepos(home);
        Path repo = git.init(home.resolve("src/good"));
        git.remote(repo, "origin", server.baseUrl() + "/" + Seed.PROJECT_ONE + ".git");
        return repo;
    }

    private static Map<String, String> skipped(JsonNode doc) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        doc.get("skipped").forEach(s -> m.put(s.get("path").asText(), s.get("reason").asText()));
        return m;
    }

    private static List<String> paths(JsonNode repositories) {
        List<String> l = new ArrayList<>();
        repositories.forEach(r -> l.add(r.get("path").asText()));
        return l;
    }

    private static JsonNode repository(JsonNode doc, Path repo) {
        for (JsonNode r : doc.get("repositories")) {
            if (r.get("path").asText().equals(repo.toString())) {
                return r;
            }
        }
        throw new AssertionError(repo + " not listed: " + doc);
    }

    static JsonNode check(JsonNode doc, String id) {
        for (JsonNode c : doc.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + doc);
    }

    private static JsonNode step(JsonNode doc, String id) {
        for (JsonNode s : doc.get("steps")) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step " + id + " in " + doc);
    }

    private static PublicKey generated() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256).getPublic();
    }

    private static void addKey(long userId, String title, PublicKey key) throws Exception {
        String line = PublicKeyEntry.toString(key);
        String fingerprint = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        server.state().addKey(userId, title, line, key, fingerprint.substring("SHA256:".length()), null, "auth");
    }
}
