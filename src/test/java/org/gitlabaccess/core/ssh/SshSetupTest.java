package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RunningServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The configure sequence against the test server's SSH: what it writes, and that a failure writes nothing. */
class SshSetupTest {
    private static final String CONFIG_BEFORE = "Host other\n    HostName other.example.com\n";
    private static final String KNOWN_BEFORE = "other.example.com ssh-ed25519 "
            + "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer();
    static GitLabTestServer server;

    @BeforeAll
    static void useServer() {
        server = SERVER.get();
    }

    /** A home with a key and the user's own ~/.ssh/config and known_hosts lines. */
    private static Path home(String name) throws IOException {
        Path home = SERVER.directory(name);
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), CONFIG_BEFORE);
        Files.writeString(home.resolve(".ssh/known_hosts"), KNOWN_BEFORE);
        return home;
    }

    /** The bytes of ~/.ssh/config and known_hosts, to prove a refusal wrote nothing. */
    private record SshFiles(byte[] config, byte[] knownHosts) {
        static SshFiles of(Path home) throws IOException {
            return new SshFiles(Files.readAllBytes(home.resolve(".ssh/config")),
                    Files.readAllBytes(home.resolve(".ssh/known_hosts")));
        }

        void assertUnchanged(Path home) throws IOException {
            SshFiles now = of(home);
            assertThat(now.config()).isEqualTo(config);
            assertThat(now.knownHosts()).isEqualTo(knownHosts);
        }
    }

    private static SshSetup setup(Path home, HostKeyDecision decision, Map<String, SshEndpoint> alternatives) {
        Properties properties = new Properties();
        properties.setProperty("user.home", home.toString());
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")), properties);
        return new SshSetup(env, SshConfigLookup.forHome(home), decision, alternatives, Locale.ENGLISH);
    }

    private static SshEndpoint server() {
        return SshEndpoint.of(server.sshHost(), server.sshPort());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void writesTheBlockAndRecordsTheHostKeyThenChangesNothingTheSecondTime() throws IOException {
        Path home = home("configure");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), "t", Secret.of("a passphrase"));

        var first = setup(home, HostKeyDecision.ACCEPT, Map.of()).configure(server(), key, Secret.of("a passphrase"),
                server.baseUrl());

        assertThat(first.endpoint()).isEqualTo(server());
        assertThat(first.usedAlternative()).isFalse();
        assertThat(first.configChanged()).isTrue();
        assertThat(first.knownHostAdded()).isTrue();
        assertThat(first.hostKeyFingerprint()).isEqualTo(server.hostKeyFingerprint());
        assertThat(Files.readString(home.resolve(".ssh/config"))).endsWith(CONFIG_BEFORE)
                .contains("# BEGIN gitlab-access " + server.sshHost()).contains(key.privateKeyFile().getFileName().toString());
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(KNOWN_BEFORE + server.knownHostsLine() + "\n");
        // No agent in this environment: an encrypted key means a passphrase at every push, which the user is told.
        assertThat(first.agent()).isEqualTo(SshAgent.Result.NO_AGENT);
        assertThat(first.notices()).anyMatch(n -> n.startsWith("No ssh-agent is running"));

        var second = setup(home, HostKeyDecision.REFUSE, Map.of()).configure(server(), key, Secret.of("a passphrase"),
                server.baseUrl());
        assertThat(second.configChanged()).isFalse();
        assertThat(second.knownHostAdded()).isFalse();
    }

    @Test
    void aBlockedPortIsRefusedAndNothingIsWritten() throws IOException {
        Path home = home("blocked");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), "t", null);
        SshFiles before = SshFiles.of(home);
        SshEndpoint blocked = SshEndpoint.of(server.sshHost(), closedPort());

        assertThatThrownBy(() -> setup(home, HostKeyDecision.ACCEPT, Map.of()).configure(blocked, key, null,
                server.baseUrl()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemKind.NETWORK);
                    assertThat(e.reason()).isEqualTo("ssh-port-blocked");
                    assertThat(e.getMessage()).contains(blocked.toString());
                });
        before.assertUnchanged(home);
    }

    @Test
    void aBlockedPortWithAnAlternativeGoesThroughItAndSaysSo() throws IOException {
        Path home = home("alternative");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), "t", null);
        SshEndpoint blocked = SshEndpoint.of(server.sshHost(), closedPort());
        var alternatives = Map.of(blocked.alias(), new SshEndpoint(blocked.alias(), server.sshHost(), server.sshPort()));

        var result = setup(home, HostKeyDecision.ACCEPT, alternatives).configure(blocked, key, null, server.baseUrl());

        assertThat(result.usedAlternative()).isTrue();
        assertThat(result.endpoint().port()).isEqualTo(server.sshPort());
        assertThat(result.notices()).anyMatch(n -> n.startsWith("Port " + blocked.port() + " of " + server.sshHost()
                + " does not answer") && n.contains(server.sshHost() + ":" + server.sshPort()));
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("Port " + server.sshPort());
    }

    @Test
    void aHostKeyNotAcceptedLeavesBothFilesAsTheyWere() throws IOException {
        Path home = home("refused");
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), "t", null);
        SshFiles before = SshFiles.of(home);

        assertThatThrownBy(() -> setup(home, HostKeyDecision.REFUSE, Map.of()).configure(server(), key, null,
                server.baseUrl()))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage())
                        .contains(server.hostKeyFingerprint()));
        before.assertUnchanged(home);
    }
}
