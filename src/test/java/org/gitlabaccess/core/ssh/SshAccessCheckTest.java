package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh -T equivalent against the test server's gitlab-shell. */
class SshAccessCheckTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static GitLabClient alice;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        HttpSettings http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
        alice = new GitLabClient(http, server.baseUrl(), Secret.of(Seed.API_TOKEN));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private SshEndpoint endpoint() {
        return SshEndpoint.of(server.sshHost(), server.sshPort());
    }

    private Path home(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    @Test
    void aRegisteredKeyIsWelcomedByName() throws IOException {
        Path home = home("ok");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), "t", Secret.of("a passphrase"));
        var registered = new SshKeyUploader().upload(alice, key, "laptop", LocalDate.now().plusDays(30));
        assertThat(registered.alreadyThere()).isFalse();
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT,
                Duration.ofSeconds(10))) {
            SshCheckResult r = check.greet(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), Secret.of("a passphrase"));
            assertThat(r.outcome()).as(r.detail()).isEqualTo(SshCheckResult.Outcome.OK);
            assertThat(r.username()).isEqualTo("alice");
            assertThat(r.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
            assertThat(new UploadPackBatch(check, 1, Duration.ofSeconds(10)).lsRemote(SshConfigLookup.forEndpoint(home,
                    endpoint()), List.of(key.privateKeyFile()), Secret.of("a passphrase"), List.of(Seed.PROJECT_ONE + ".git"))
                    .get(Seed.PROJECT_ONE + ".git").outcome()).isEqualTo(SshCheckResult.Outcome.OK);
        }
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(server.knownHostsLine() + "\n");
        // Uploading again finds it on the account and uploads nothing.
        var again = new SshKeyUploader().upload(alice, key, "laptop", LocalDate.now().plusDays(30));
        assertThat(again.alreadyThere()).isTrue();
        assertThat(server.state().keysOf(1)).filteredOn(k -> k.fingerprintSha256().equals(KeyFingerprint.sha256Bare(key.publicKey()))).hasSize(1);
    }

    @Test
    void sessionsWriteWithoutNaglesDelayAndAcknowledgeEachRead() throws IOException {
        Path home = home("nodelay");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_nd"), "nd", null);
        new SshKeyUploader().upload(alice, key, "nodelay", LocalDate.now().plusDays(30));
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT, Duration.ofSeconds(10))) {
            List<Object> seen = new ArrayList<>();
            SshCheckResult r = check.onSession(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), null,
                    (session, fingerprint) -> {
                        var socket = ((Nio2Session) session.getIoSession()).getSocket();
                        seen.add(socket.getOption(StandardSocketOptions.TCP_NODELAY));
                        seen.add(((SshClient) session.getFactoryManager()).getSessionFactory().getClass());
                        return new SshCheckResult(SshCheckResult.Outcome.OK, endpoint(), null, fingerprint, "looked");
                    });
            assertThat(r.outcome()).as(r.detail()).isEqualTo(SshCheckResult.Outcome.OK);
            assertThat(seen).containsExactly(true, QuickAckSessionFactory.class);
        }
    }

    @Test
    void anUnregisteredKeyIsReportedAsSuch() throws IOException {
        Path home = home("unregistered");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_x"), "x", null);
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT,
                Duration.ofSeconds(10))) {
            assertThat(check.greet(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), null).outcome())
                    .isEqualTo(SshCheckResult.Outcome.KEY_NOT_REGISTERED);
        }
    }

    @Test
    void anUnknownHostIsNotTrustedWithoutConsentAndNothingIsRecorded() throws IOException {
        Path home = home("unknown");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_y"), "y", null);
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.REFUSE,
                Duration.ofSeconds(10))) {
            SshCheckResult r = check.greet(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), null);
            assertThat(r.outcome()).isEqualTo(SshCheckResult.Outcome.HOST_KEY_UNKNOWN);
            assertThat(r.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        }
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsAlwaysRefusedAndKnownHostsIsUntouched() throws IOException {
        Path home = home("changed");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_z"), "z", null);
        String forged = "[" + server.sshHost() + "]:" + server.sshPort()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";
        Files.writeString(home.resolve(".ssh/known_hosts"), forged);
        List<KnownHosts.Lookup> told = new ArrayList<>();
        HostKeyDecision wouldAcceptAnything = new HostKeyDecision() {
            @Override
            public boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint) {
                throw new AssertionError("a changed key is never asked about");
            }

            @Override
            public void hostKeyRefused(SshEndpoint endpoint, PublicKey key, String fingerprint,
                                       KnownHosts.Lookup lookup) {
                told.add(lookup);
            }
        };
        try (SshAccessCheck check = new SshAccessCheck(wouldAcceptAnything, Duration.ofSeconds(10))) {
            SshCheckResult r = check.greet(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), null);
            assertThat(r.outcome()).isEqualTo(SshCheckResult.Outcome.HOST_KEY_CHANGED);
            assertThat(r.detail()).contains(server.hostKeyFingerprint()).contains("SHA256:");
            assertThat(r.recorded()).extracting(KnownHosts.Entry::where)
                    .containsExactly(home.resolve(".ssh/known_hosts") + ":1");
        }
        assertThat(told).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(KnownHosts.Status.CHANGED));
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(forged);
    }

    @Test
    void anExpiredKeyGreetsButCannotUseRepositories() throws Exception {
        Path home = home("expired");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_e"), "e", null);
        server.state().addKey(1, "old", key.publicKeyLine(), key.publicKey(),
                KeyFingerprint.sha256Bare(key.publicKey()), java.time.Instant.now().minusSeconds(60), "auth");
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT,
                Duration.ofSeconds(10))) {
            assertThat(check.greet(SshConfigLookup.forEndpoint(home, endpoint()), key.privateKeyFile(), null).outcome())
                    .isEqualTo(SshCheckResult.Outcome.OK);
            assertThat(new UploadPackBatch(check, 1, Duration.ofSeconds(10)).lsRemote(SshConfigLookup.forEndpoint(home,
                    endpoint()), List.of(key.privateKeyFile()), null, List.of(Seed.PROJECT_ONE + ".git"))
                    .get(Seed.PROJECT_ONE + ".git").outcome()).isEqualTo(SshCheckResult.Outcome.KEY_EXPIRED);
        }
    }

    @Test
    void aClosedPortIsRefusedAndTheChooserFallsBackToTheAlternative() throws IOException {
        int closed;
        try (var s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        SshEndpoint blocked = new SshEndpoint("gitlab.test", "127.0.0.1", closed);
        Path home = home("blocked");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_b"), "b", null);
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT,
                Duration.ofSeconds(5))) {
            assertThat(check.greet(SshConfigLookup.forEndpoint(home, blocked), key.privateKeyFile(), null).outcome())
                    .isEqualTo(SshCheckResult.Outcome.CONNECTION_REFUSED);
        }
        var chooser = new SshEndpointChooser(Map.of("gitlab.test", endpoint()), Duration.ofSeconds(2));
        var choice = chooser.choose(blocked);
        assertThat(choice.usedAlternative()).isTrue();
        assertThat(choice.endpoint()).isEqualTo(new SshEndpoint("gitlab.test", server.sshHost(), server.sshPort()));
    }

    @Test
    void aKeyRegisteredToAnotherAccountIsAClearError() throws IOException {
        Path home = home("taken");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_t"), "t", null);
        HttpSettings http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
        new SshKeyUploader().upload(new GitLabClient(http, server.baseUrl(), Secret.of(Seed.BOB_API_TOKEN)), key, "bob",
                null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SshKeyUploader().upload(alice, key, "alice", null))
                .isInstanceOfSatisfying(org.gitlabaccess.core.ProblemException.class,
                        p -> assertThat(p.reason()).isEqualTo("key-taken"));
    }
}
