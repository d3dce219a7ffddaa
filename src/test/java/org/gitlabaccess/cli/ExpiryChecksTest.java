package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.testkit.GitLabState;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestKey;
import org.gitlabaccess.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor's calendar checks, ssh-key-expiry and tokens-expiring, against the test server. */
class ExpiryChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CAROL = 3;
    private static final long DAVE = 4;
    private static final long ERIN = 5;
    private static final long FRANK = 6;
    private static final String FRANK_API = "glpat-fRaNkApI0123456789xy";
    private static final String ERIN_API = "glpat-eRiNaPi0123456789xyz";
    private static final String CAROL_API = "glpat-cArOlApI0123456789xy";
    private static final String CAROL_DUE_IN_2 = "glpat-cArOlDuE2456789abcd";
    private static final String DAVE_API = "glpat-dAvEaPi0123456789xyz";
    private static final String DAVE_READ_USER = "glpat-dAvErEaDuSeR012345";
    private static final String DAVE_3 = "glpat-dAvEtHrEe0123456789";
    private static final String DAVE_6 = "glpat-dAvEsIx01234567890a";
    private static final String DAVE_8 = "glpat-dAvEeIgHt012345678";
    private static final String DAVE_30 = "glpat-dAvEtHiRtY01234567";
    private static final String DAVE_REVOKED = "glpat-dAvErEvOkEd012345";
    private static final String DAVE_EXPIRED = "glpat-dAvEeXpIrEd012345";
    private static final String DAVE_NEVER = "glpat-dAvEnEvEr01234567a";
    private static final List<String> DAVE_TOKENS = List.of(DAVE_API, DAVE_READ_USER, DAVE_3, DAVE_6, DAVE_8, DAVE_30,
            DAVE_REVOKED, DAVE_EXPIRED, DAVE_NEVER, CAROL_API, CAROL_DUE_IN_2);

    @TempDir
    static Path dir;
    static GitLabTestServer server;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        GitLabState s = server.state();
        LocalDate today = s.today();
        s.addUser(new TestUser(CAROL, "carol", "Carol Keys", "carol@example.com", "carols-password-2026", false));
        s.addToken(CAROL_API, "carol api", CAROL, List.of("api"), today.plusDays(300));
        // Another account's token due in two days: never part of dave's list.
        s.addToken(CAROL_DUE_IN_2, "carol soon", CAROL, List.of("api"), today.plusDays(2));
        s.addUser(new TestUser(DAVE, "dave", "Dave Tokens", "dave@example.com", "daves-password-2026", false));
        s.addToken(DAVE_API, "dave doctor", DAVE, List.of("read_api"), today.plusDays(300));
        s.addToken(DAVE_READ_USER, "dave profile", DAVE, List.of("read_user"), today.plusDays(200));
        s.addToken(DAVE_3, "ci deploy", DAVE, List.of("api", "write_repository"), today.plusDays(3));
        s.addToken(DAVE_6, "registry pull", DAVE, List.of("read_registry"), today.plusDays(6));
        s.addToken(DAVE_8, "eight days", DAVE, List.of("api"), today.plusDays(8));
        s.addToken(DAVE_30, "thirty days", DAVE, List.of("api"), today.plusDays(30));
        s.addToken(DAVE_REVOKED, "revoked soon", DAVE, List.of("api"), today.plusDays(2)).revoke();
        s.addToken(DAVE_EXPIRED, "already expired", DAVE, List.of("api"), today.minusDays(1));
        s.addToken(DAVE_NEVER, "no expiry", DAVE, List.of("api"), null);
        s.addUser(new TestUser(FRANK, "frank", "Frank Renews", "frank@example.com", "franks-password-2026", false));
        s.addToken(FRANK_API, "frank api", FRANK, List.of("api"), today.plusDays(300));
        // 120 tokens: the one due sits on the second page of 100, so only a reader that follows the pages sees it.
        s.addUser(new TestUser(ERIN, "erin", "Erin Pages", "erin@example.com", "erins-password-2026", false));
        s.addToken(ERIN_API, "erin api", ERIN, List.of("api"), today.plusDays(300));
        for (int i = 1; i < 120; i++) {
            s.addToken(s.newTokenValue("glpat-"), (i == 119 ? "last one due" : "far " + i), ERIN, List.of("read_api"),
                    i == 119 ? today.plusDays(1) : today.plusDays(100 + i));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static CliRunner.Result run(Path home, String token) {
        CliRunner cli = new CliRunner(home);
        if (token != null) {
            cli.env("GITLAB_TOKEN", token);
        }
        return cli.run("doctor", "--json", "--host", server.baseUrl(), "--ca-file", server.caFile().toString(),
                "--ssh-host", "127.0.0.1", "--ssh-port", String.valueOf(server.sshPort()));
    }

    private static JsonNode check(CliRunner.Result r, String id) throws IOException {
        for (JsonNode c : JSON.readTree(r.out()).get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id + " in " + r.out());
    }

    /** Carol's home, set up for SSH once (carol has no projects to discover the SSH port from: it is given). */
    private static synchronized Path carolsHome() throws IOException {
        Path home = dir.resolve("carol");
        if (Files.isDirectory(home)) {
            return home;
        }
        Files.createDirectories(home);
        var r = new CliRunner(home).env("GITLAB_TOKEN", CAROL_API).run("setup", "--method", "ssh", "--yes", "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString(), "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return home;
    }

    /** Carol's one registered key, re-registered with {@code expiresAt} (the same key line and fingerprint). */
    private static void carolsKeyExpires(Instant expiresAt) {
        List<TestKey> keys = server.state().keysOf(CAROL);
        assertThat(keys).hasSize(1);
        TestKey k = keys.get(0);
        server.state().removeKey(CAROL, k.id());
        server.state().addKey(CAROL, k.title(), k.key(), k.publicKey(), k.fingerprintSha256(), expiresAt, k.usageType());
    }

    @Test
    void theConfiguredKeyIsOkAt40DaysWarnsAt20AndFailsOnceExpired() throws IOException {
        Path home = carolsHome();
        Instant now = Instant.now();

        carolsKeyExpires(now.plus(Duration.ofDays(40)));
        var r = run(home, CAROL_API);
        assertThat(check(r, "ssh-key-expiry").get("status").asText()).as(r.out()).isEqualTo("ok");
        assertThat(check(r, "ssh-key-expiry").get("summary").asText()).contains("in 40 days");

        carolsKeyExpires(now.plus(Duration.ofDays(20)));
        r = run(home, CAROL_API);
        JsonNode warn = check(r, "ssh-key-expiry");
        assertThat(warn.get("status").asText()).as(r.out()).isEqualTo("warn");
        assertThat(warn.get("summary").asText()).contains("in 20 days");
        assertThat(warn.get("fix").asText()).contains("/-/user_settings/ssh_keys");
        assertThat(r.exitCode()).isZero();

        carolsKeyExpires(now.minus(Duration.ofDays(1)));
        r = run(home, CAROL_API);
        JsonNode fail = check(r, "ssh-key-expiry");
        assertThat(fail.get("status").asText()).as(r.out()).isEqualTo("fail");
        assertThat(fail.get("summary").asText()).contains("Your SSH key has expired");
        assertThat(r.exitCode()).isEqualTo(1);

        carolsKeyExpires(null);
        r = run(home, CAROL_API);
        assertThat(check(r, "ssh-key-expiry").get("status").asText()).as(r.out()).isEqualTo("ok");
        assertThat(check(r, "ssh-key-expiry").get("summary").asText()).contains("no expiry");
    }

    @Test
    void withATokenThatMayUploadKeysTheDoctorRenewsAnExpiringKeyAndTheCheckIsThenOk() throws IOException {
        Path home = Files.createDirectories(dir.resolve("frank"));
        var setup = new CliRunner(home).env("GITLAB_TOKEN", FRANK_API).run("setup", "--method", "ssh", "--yes", "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString(), "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort()));
        assertThat(setup.exitCode()).as(setup.err()).isZero();
        TestKey old = server.state().keysOf(FRANK).get(0);
        server.state().removeKey(FRANK, old.id());
        server.state().addKey(FRANK, old.title(), old.key(), old.publicKey(), old.fingerprintSha256(),
                Instant.now().plus(Duration.ofDays(20)), old.usageType());

        var fixed = new CliRunner(home).env("GITLAB_TOKEN", FRANK_API).run("doctor", "--fix", "--yes", "--json",
                "--host", server.baseUrl(), "--ca-file", server.caFile().toString(), "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort()));
        JsonNode renewed = check(fixed, "ssh-key-expiry");
        assertThat(renewed.get("status").asText()).as(fixed.out() + fixed.err()).isEqualTo("ok");
        assertThat(JSON.readTree(fixed.out()).get("fixes").toString()).contains("ssh-key-expiry").contains("Renewed");
        List<TestKey> now = server.state().keysOf(FRANK);
        assertThat(now).hasSize(1);
        assertThat(now.get(0).fingerprintSha256()).isNotEqualTo(old.fingerprintSha256());
        assertThat(check(fixed, "ssh-auth").get("status").asText()).isEqualTo("ok");
    }

    @Test
    void theTokenThisProductStoredForGitIsNamedAsSuch() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.gitlabaccess.testkit.Processes.available("git"));
        Path home = Files.createDirectories(dir.resolve("dave-https"));
        // "ci deploy" (due in 3 days) stored for Git over HTTPS by setup.
        var setup = new CliRunner(home).env("GITLAB_TOKEN", DAVE_3).run("setup", "--method", "https", "--yes",
                "--credential-helper", "cache", "--host", server.baseUrl(), "--ca-file", server.caFile().toString());
        try {
            assertThat(setup.exitCode()).as(setup.err() + setup.out()).isZero();
            var r = run(home, DAVE_API);
            JsonNode due = check(r, "tokens-expiring");
            assertThat(due.get("summary").asText()).contains("\"ci deploy\"").contains("stored for Git over HTTPS");
            assertThat(due.get("fix").asText()).contains("login --rotate");
            for (JsonNode t : due.get("details").get("tokens")) {
                assertThat(t.get("storedForGit").asBoolean()).as(t.toString())
                        .isEqualTo(t.get("name").asText().equals("ci deploy"));
            }
            assertThat(r.all()).doesNotContain(DAVE_3);
        } finally {
            org.gitlabaccess.testkit.Processes.run(home, java.util.Map.of("HOME", home.toString()), "git",
                    "credential-cache", "exit");
        }
    }

    @Test
    void theKeyCheckSkipsWithoutTokenOrKey() throws IOException {
        Path home = carolsHome();
        assertThat(check(run(home, null), "ssh-key-expiry").get("status").asText()).isEqualTo("skip");
        Path empty = Files.createDirectories(dir.resolve("no-key"));
        assertThat(check(run(empty, CAROL_API), "ssh-key-expiry").get("status").asText()).isEqualTo("skip");
    }

    @Test
    void exactlyTheActiveTokensDueWithinSevenDaysAreListedWithoutTheirValues() throws IOException {
        // Use ci deploy once, so "last used" has a date to show.
        var login = new CliRunner(Files.createDirectories(dir.resolve("dave-login"))).env("GITLAB_TOKEN", DAVE_3)
                .run("login", "--json", "--host", server.baseUrl(), "--ca-file", server.caFile().toString());
        assertThat(login.exitCode()).as(login.err()).isZero();

        var r = run(Files.createDirectories(dir.resolve("dave")), DAVE_API);
        JsonNode c = check(r, "tokens-expiring");
        assertThat(c.get("status").asText()).as(r.out()).isEqualTo("warn");
        List<String> names = new ArrayList<>();
        c.get("details").get("tokens").forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).containsExactly("ci deploy", "registry pull");
        LocalDate today = server.state().today();
        JsonNode first = c.get("details").get("tokens").get(0);
        assertThat(first.get("expiresAt").asText()).isEqualTo(today.plusDays(3).toString());
        assertThat(first.get("scopes").toString()).isEqualTo("[\"api\",\"write_repository\"]");
        assertThat(first.get("lastUsedAt").isNull()).isFalse();
        assertThat(c.get("details").get("tokens").get(1).get("lastUsedAt").isNull()).isTrue();
        String summary = c.get("summary").asText();
        assertThat(summary).contains("2 personal access tokens", "\"ci deploy\" (api, write_repository) expires on "
                + today.plusDays(3) + " at 00:00 UTC (in 3 days), last used " + today,
                "\"registry pull\" (read_registry) expires on " + today.plusDays(6) + " at 00:00 UTC (in 6 days), never used");
        assertThat(summary).doesNotContain("eight days", "thirty days", "revoked soon", "already expired", "no expiry",
                "carol soon");
        assertThat(c.get("fix").asText()).contains("/-/user_settings/personal_access_tokens");
        for (String secret : DAVE_TOKENS) {
            assertThat(r.all()).doesNotContain(secret);
        }
        for (String secret : Seed.ALL_TOKENS) {
            assertThat(r.all()).doesNotContain(secret);
        }
    }

    @Test
    void aTokenDueOnTheSecondPageIsFound() throws IOException {
        JsonNode c = check(run(Files.createDirectories(dir.resolve("erin")), ERIN_API), "tokens-expiring");
        assertThat(c.get("status").asText()).isEqualTo("warn");
        assertThat(c.get("details").get("tokens")).hasSize(1);
        assertThat(c.get("details").get("tokens").get(0).get("name").asText()).isEqualTo("last one due");
    }

    @Test
    void noTokenDueIsOk() throws IOException {
        var r = run(Files.createDirectories(dir.resolve("carol-tokens")), CAROL_API);
        // carol's own "carol soon" is due in two days: her list is hers, and it is due.
        assertThat(check(r, "tokens-expiring").get("summary").asText()).contains("carol soon").doesNotContain("ci deploy");
        var bob = run(Files.createDirectories(dir.resolve("bob")), Seed.BOB_API_TOKEN);
        assertThat(check(bob, "tokens-expiring").get("status").asText()).as(bob.out()).isEqualTo("ok");
    }

    @Test
    void withoutATokenOrWithoutAListingScopeTheTokenCheckSkips() throws IOException {
        Path home = Files.createDirectories(dir.resolve("dave-skip"));
        assertThat(check(run(home, null), "tokens-expiring").get("status").asText()).isEqualTo("skip");
        JsonNode c = check(run(home, DAVE_READ_USER), "tokens-expiring");
        assertThat(c.get("status").asText()).isEqualTo("skip");
        assertThat(c.get("summary").asText()).contains("read_api");
    }
}
