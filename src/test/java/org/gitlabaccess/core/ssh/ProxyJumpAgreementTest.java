package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ProxyJump}: the product goes through the jump host as {@code ssh -J} does, and decides both
 * host keys (the jump host's and GitLab's) as the real ssh does, against two real sshd.
 */
class ProxyJumpAgreementTest {
    @TempDir
    static Path dir;
    static RealSshd jump;
    static RealSshd target;
    static String jumpKey;
    static String targetKey;
    static String otherKey;
    static Path clientKey;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(RealSshd.available(), "a real sshd, ssh and ssh-keygen are needed");
        assumeTrue("root".equals(System.getProperty("user.name")), "the jump host logs in as root");
        Path keys = Files.createDirectories(dir.resolve("keys"));
        Path jumpHostKey = RealSshd.hostKey(Files.createDirectories(keys.resolve("jump")), "ed25519");
        Path targetHostKey = RealSshd.hostKey(Files.createDirectories(keys.resolve("target")), "ed25519");
        jumpKey = Files.readString(Path.of(jumpHostKey + ".pub")).strip();
        targetKey = Files.readString(Path.of(targetHostKey + ".pub")).strip();
        otherKey = Files.readString(Path.of(RealSshd.hostKey(Files.createDirectories(keys.resolve("other")),
                "ed25519") + ".pub")).strip();
        clientKey = RealSshd.hostKey(Files.createDirectories(keys.resolve("client")), "ed25519");
        jump = RealSshd.start(dir.resolve("jump"), List.of(jumpHostKey));
        Files.copy(Path.of(clientKey + ".pub"), dir.resolve("jump/authorized_keys"));
        target = RealSshd.start(dir.resolve("target"), List.of(targetHostKey));
    }

    @AfterAll
    static void stop() {
        if (jump != null) {
            jump.close();
        }
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest(name = "jump {0}, target {1}")
    @CsvSource({"known, known", "changed, known", "known, unknown", "known, changed", "unknown, known"})
    void bothHostKeysAreDecidedAsSshDashJDecidesThem(String jumpState, String targetState) throws IOException {
        Path kh = Files.createDirectories(dir.resolve(jumpState + "-" + targetState)).resolve("known_hosts");
        StringBuilder lines = new StringBuilder();
        line(lines, jumpState, "[127.0.0.1]:" + jump.port(), jumpKey);
        line(lines, targetState, "[127.0.0.1]:" + target.port(), targetKey);
        Files.writeString(kh, lines.toString());
        String hop = "root@127.0.0.1:" + jump.port();

        Path config = kh.resolveSibling("ssh_config");
        Files.writeString(config, "Host *\n  UserKnownHostsFile " + kh + "\n  GlobalKnownHostsFile /dev/null\n"
                + "  StrictHostKeyChecking yes\n  BatchMode yes\n  IdentityFile " + clientKey + "\n"
                + "  IdentitiesOnly yes\n  CheckHostIP no\n  UpdateHostKeys no\n");
        Processes.Result ssh = Processes.run(dir, Map.of("SSH_AUTH_SOCK", ""), "ssh", "-F", config.toString(),
                "-J", hop, "-p", String.valueOf(target.port()), "git@127.0.0.1", "true");
        boolean sshAccepted = ssh.all().contains("git@127.0.0.1: Permission denied");

        SshConfigLookup.Effective effective = new SshConfigLookup.Effective(SshEndpoint.of("127.0.0.1", target.port()),
                "git", List.of(clientKey), true, List.of(kh), List.of(), SshConfigLookup.OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS,
                false, Optional.of(hop), Optional.empty(), SshConfigLookup.Source.OPENSSH, Optional.empty(), Optional.empty(), true);
        SshCheckResult product;
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.REFUSE, Duration.ofSeconds(10))) {
            product = check.hostKey(effective);
        }

        assertThat(product.ok()).as("ssh: %s\nproduct: %s %s", ssh.all(), product.outcome(), product.detail())
                .isEqualTo(sshAccepted);
        if (!sshAccepted) {
            boolean jumpRefused = !"known".equals(jumpState);
            assertThat(product.endpoint().port()).as(product.detail()).isEqualTo(jumpRefused ? jump.port() : target.port());
            assertThat(product.outcome()).isEqualTo(
                    "changed".equals(jumpRefused ? jumpState : targetState) ? SshCheckResult.Outcome.HOST_KEY_CHANGED
                            : SshCheckResult.Outcome.HOST_KEY_UNKNOWN);
            assertThat(ssh.all()).contains("changed".equals(jumpRefused ? jumpState : targetState)
                    ? "REMOTE HOST IDENTIFICATION HAS CHANGED" : "Host key verification failed");
        }
    }

    @Test
    void aProxyCommandIsSaidPlainlyAndNothingIsConnected() {
        SshConfigLookup.Effective effective = new SshConfigLookup.Effective(SshEndpoint.of("127.0.0.1", target.port()),
                "git", List.of(), false, List.of(dir.resolve("none")), List.of(),
                SshConfigLookup.OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS, false, Optional.empty(),
                Optional.of("nc -X connect -x proxy:3128 %h %p"), SshConfigLookup.Source.OPENSSH, Optional.empty(), Optional.empty(), true);
        try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT, Duration.ofSeconds(10))) {
            SshCheckResult r = check.hostKey(effective);
            assertThat(r.outcome()).isEqualTo(SshCheckResult.Outcome.PROXY_COMMAND);
            assertThat(SshCheckProblems.of(r).getMessage()).contains("proxy command").contains("nc -X connect");
        }
        assertThat(dir.resolve("none")).doesNotExist();
    }

    private static void line(StringBuilder lines, String state, String name, String key) {
        switch (state) {
            case "known" -> lines.append(name).append(' ').append(key).append('\n');
            case "changed" -> lines.append(name).append(' ').append(otherKey).append('\n');
            default -> { }
        }
    }
}
