package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ls-remote of many projects over one SSH session, against the test server. */
class UploadPackBatchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    /** Projects beyond the seed's, all readable by alice (the same bare repository underneath). */
    private static final int EXTRA = 12;

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer();
    /** Refuses a third channel open at once on a session. */
    @RegisterExtension
    static final RunningServer STRICT = new RunningServer(b -> b.maxChannelsPerSession(2));

    @BeforeAll
    static void addProjects() {
        for (GitLabTestServer s : List.of(SERVER.get(), STRICT.get())) {
            Path bare = s.state().project(Seed.PROJECT_ONE).orElseThrow().bareRepository();
            for (int i = 0; i < EXTRA; i++) {
                s.state().addProject(new TestProject(100 + i, "many/p" + i, "", bare, Set.of(1L)));
            }
            s.state().addProject(new TestProject(99, "group/bobs-own", "", bare, Set.of(2L)));
        }
    }

    /** A home with a key (registered or not) and, if asked, the server's host key in known_hosts. */
    private static Path home(RunningServer running, String name, Secret passphrase, Instant registeredUntil,
                             boolean knownHost) throws IOException {
        GitLabTestServer on = running.get();
        Path home = running.directory(name);
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), name, passphrase);
        if (registeredUntil != null) {
            on.state().addKey(1, name, key.publicKeyLine(), key.publicKey(),
                    KeyFingerprint.sha256Bare(key.publicKey()), registeredUntil, "auth");
        }
        if (knownHost) {
            Files.writeString(home.resolve(".ssh/known_hosts"), on.knownHostsLine() + "\n");
        }
        return home;
    }

    private static Map<String, UploadPackBatch.Result> lsRemote(RunningServer running, Path home, Secret passphrase,
                                                                HostKeyDecision decision, List<String> paths) {
        SshConfigLookup.Effective effective = SshConfigLookup.forEndpoint(home,
                SshEndpoint.of(running.get().sshHost(), running.get().sshPort()));
        try (SshAccessCheck check = new SshAccessCheck(decision, TIMEOUT)) {
            return new UploadPackBatch(check, 8, TIMEOUT).lsRemote(effective,
                    List.of(home.resolve(".ssh/id_ed25519_test")), passphrase, paths);
        }
    }

    private static List<String> many() {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < EXTRA; i++) {
            paths.add("/many/p" + i + ".git");
        }
        return paths;
    }

    @Test
    void listsTheRefsWithAPassphraseProtectedKeyAndNamesWhatCannotBeRead() throws IOException {
        Path home = home(SERVER, "ok", Secret.exact("pass phrase"), Instant.now().plusSeconds(3600), true);

        var r = lsRemote(SERVER, home, Secret.exact("pass phrase"), HostKeyDecision.REFUSE,
                List.of("/" + Seed.PROJECT_ONE + ".git", "group/no-such.git", "/group/bobs-own.git"));

        assertThat(r.get("/" + Seed.PROJECT_ONE + ".git").ok()).as(r.toString()).isTrue();
        assertThat(r.get("/" + Seed.PROJECT_ONE + ".git").refs()).isEqualTo(2); // HEAD and main
        for (String unreadable : List.of("group/no-such.git", "/group/bobs-own.git")) {
            assertThat(r.get(unreadable).outcome()).isEqualTo(SshCheckResult.Outcome.UNEXPECTED_ANSWER);
            assertThat(r.get(unreadable).detail()).contains("could not be found or you don't have permission");
        }
    }

    @Test
    void anExpiredKeyIsNamedAsSuchForEveryProject() throws IOException {
        Path home = home(SERVER, "expired", null, Instant.now().minusSeconds(10), true);

        var r = lsRemote(SERVER, home, null, HostKeyDecision.REFUSE, List.of("/" + Seed.PROJECT_ONE + ".git",
                "/" + Seed.PROJECT_TWO + ".git"));

        assertThat(r.values()).extracting(UploadPackBatch.Result::outcome)
                .containsOnly(SshCheckResult.Outcome.KEY_EXPIRED);
    }

    @Test
    void anUnregisteredKeyIsRefused() throws IOException {
        Path home = home(SERVER, "unregistered", null, null, true);

        var r = lsRemote(SERVER, home, null, HostKeyDecision.REFUSE, List.of("/" + Seed.PROJECT_ONE + ".git"));

        assertThat(r.get("/" + Seed.PROJECT_ONE + ".git").outcome())
                .isEqualTo(SshCheckResult.Outcome.KEY_NOT_REGISTERED);
    }

    @Test
    void anUnknownHostIsRefusedAndNotAdded() throws IOException {
        Path home = home(SERVER, "unknown-host", null, Instant.now().plusSeconds(3600), false);

        var r = lsRemote(SERVER, home, null, HostKeyDecision.REFUSE, List.of("/" + Seed.PROJECT_ONE + ".git"));

        assertThat(r.get("/" + Seed.PROJECT_ONE + ".git").outcome()).isEqualTo(SshCheckResult.Outcome.HOST_KEY_UNKNOWN);
        assertThat(Files.exists(home.resolve(".ssh/known_hosts"))).isFalse();
    }

    @Test
    void manyProjectsOfOneHostTakeOneAuthenticationAndAProjectNamedTwiceIsAskedOnce() throws IOException {
        Path home = home(SERVER, "one-session", null, Instant.now().plusSeconds(3600), true);
        List<String> paths = new ArrayList<>(many());
        paths.add(paths.get(0));
        GitLabTestServer server = SERVER.get();
        int authenticated = server.sshAuthentications();
        long execs = server.state().requests().stream().filter(q -> q.method().equals("exec")).count();

        var r = lsRemote(SERVER, home, null, HostKeyDecision.REFUSE, paths);

        assertThat(server.sshAuthentications() - authenticated).isEqualTo(1);
        assertThat(server.state().requests().stream().filter(q -> q.method().equals("exec")).count() - execs)
                .isEqualTo(EXTRA);
        assertThat(r).hasSize(EXTRA);
        assertThat(r.values()).allSatisfy(v -> assertThat(v.refs()).as(v.detail()).isEqualTo(2));
    }

    @Test
    void channelsTheServerRefusesAreAskedAgainUntilEveryProjectHasItsOutcome() throws IOException {
        Path home = home(STRICT, "strict", null, Instant.now().plusSeconds(3600), true);
        List<String> paths = new ArrayList<>(many());
        paths.add("/group/bobs-own.git");

        var r = lsRemote(STRICT, home, null, HostKeyDecision.REFUSE, paths);

        assertThat(r).hasSize(EXTRA + 1);
        for (String p : many()) {
            assertThat(r.get(p).ok()).as(p + ": " + r.get(p).detail()).isTrue();
            assertThat(r.get(p).refs()).isEqualTo(2);
        }
        assertThat(r.get("/group/bobs-own.git").detail()).contains("could not be found");
    }

    @Test
    void thePathIsQuotedForTheRemoteShellAsGitQuotesIt() {
        assertThat(UploadPackBatch.quoted("/group/it's!.git")).isEqualTo("'/group/it'\\''s'\\!'.git'");
    }
}
