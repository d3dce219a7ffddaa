package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RealSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Port 22, where known_hosts names a host plainly and {@code [host]:22} names nothing: a real sshd on
 * 127.0.0.2:22 (root only), the product and the real ssh deciding the same, and a new key recorded
 * under the plain name as OpenSSH records it.
 */
class PortTwentyTwoAgreementTest {
    private static final String HOST = "127.0.0.2";

    @TempDir
    static Path dir;
    static RealSshd sshd;
    static String hostKey;
    static String otherKey;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(RealSshd.available(), "a real sshd, ssh and ssh-keygen are needed");
        assumeTrue("root".equals(System.getProperty("user.name")), "port 22 needs root");
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, 22));
        } catch (IOException e) {
            assumeTrue(false, "port 22 of " + HOST + " is taken: " + e.getMessage());
        }
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path key = RealSshd.hostKey(keys, "ed25519");
        hostKey = Files.readString(Path.of(key + ".pub")).strip();
        otherKey = Files.readString(Path.of(RealSshd.hostKey(Files.createDirectories(keys.resolve("other")),
                "ed25519") + ".pub")).strip();
        sshd = RealSshd.start(dir.resolve("sshd"), List.of(key), HOST, 22);
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"127.0.0.2, same", "127.0.0.2, other", "[127.0.0.2]:22, same", "[127.0.0.2]:22, other",
            "none, none"})
    void plainAndBracketedNamesAreReadAsOpenSshReadsThem(String name, String key) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name.replaceAll("\\W", "_") + "-" + key));
        Path kh = d.resolve("known_hosts");
        if (!"none".equals(name)) {
            Files.writeString(kh, name + " " + ("same".equals(key) ? hostKey : otherKey) + "\n");
        }
        String before = Files.exists(kh) ? Files.readString(kh) : "";
        Path forSsh = Files.writeString(d.resolve("known_hosts.ssh"), before);
        Path forProduct = Files.writeString(d.resolve("known_hosts.product"), before);

        String strict = ssh(kh, "yes");
        SshCheckResult refused = product(kh, HostKeyDecision.REFUSE);
        assertThat(refused.ok()).as("ssh: %s\nproduct: %s", strict, refused.detail())
                .isEqualTo(strict.contains("Permission denied"));
        assertThat(refused.outcome() == SshCheckResult.Outcome.HOST_KEY_CHANGED)
                .isEqualTo(strict.contains("REMOTE HOST IDENTIFICATION HAS CHANGED"));

        String acceptNew = ssh(forSsh, "accept-new");
        SshCheckResult accepted = product(forProduct, HostKeyDecision.ACCEPT);
        assertThat(accepted.ok()).as("ssh: %s\nproduct: %s", acceptNew, accepted.detail())
                .isEqualTo(acceptNew.contains("Permission denied"));
        assertThat(Files.readString(forProduct)).isEqualTo(Files.readString(forSsh));
    }

    private static String ssh(Path knownHosts, String strict) throws IOException {
        return Processes.run(dir, Map.of("SSH_AUTH_SOCK", ""), "ssh", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=" + strict, "-o", "UserKnownHostsFile=" + knownHosts,
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "CheckHostIP=no", "-o", "UpdateHostKeys=no",
                "-o", "PubkeyAuthentication=no", "git@" + HOST, "true").all();
    }

    private static SshCheckResult product(Path knownHosts, HostKeyDecision decision) {
        SshConfigLookup.Effective effective = new SshConfigLookup.Effective(SshEndpoint.of(HOST, 22), "git", List.of(),
                false, List.of(knownHosts), List.of(), SshConfigLookup.OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS, false,
                Optional.empty(), Optional.empty(), SshConfigLookup.Source.OPENSSH, Optional.empty(), Optional.empty(), true);
        try (SshAccessCheck check = new SshAccessCheck(decision, Duration.ofSeconds(10))) {
            return check.hostKey(effective);
        }
    }
}
