package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.gitlabaccess.core.ssh.KeyFingerprint;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** create → upload → configure → verify from the command line, judged by the real OpenSSH too. */
class SshFlowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private static CliRunner cli(Path home, String token) {
        CliRunner c = new CliRunner(home);
        if (token != null) {
            c.env("GITLAB_TOKEN", token);
        }
        return c;
    }

    private static String[] args(String... rest) {
        List<String> l = new ArrayList<>(List.of(rest));
        l.addAll(List.of("--host", server.baseUrl(), "--ca-file", server.caFile().toString()));
        return l.toArray(String[]::new);
    }

    /** A home with the product's key for 127.0.0.1, made by {@code ssh-key create}. */
    private static Path homeWithKey(String name) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        cli(home, null).run(args("ssh-key", "create"));
        return home;
    }

    /** A port nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void fullFlow(String name, String passphrase, String token, String username) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        List<String> extra = new ArrayList<>();
        if (passphrase != null) {
            Path pf = home.resolve("passphrase.txt");
            Files.writeString(pf, passphrase + "\n");
            extra.addAll(List.of("--passphrase-file", pf.toString()));
        }
        List<String> create = new ArrayList<>(List.of("ssh-key", "create", "--json"));
        create.addAll(extra);
        var created = cli(home, null).run(args(create.toArray(String[]::new)));
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode key = JSON.readTree(created.out());
        assertThat(key.get("privateKey").asText()).isEqualTo(home.resolve(".ssh/id_ed25519_127.0.0.1").toString());
        assertThat(key.get("passphrase").asBoolean()).isEqualTo(passphrase != null);

        var uploaded = cli(home, token).run(args("ssh-key", "upload", "--json"));
        assertThat(uploaded.exitCode()).as(uploaded.err()).isZero();
        assertThat(JSON.readTree(uploaded.out()).get("alreadyRegistered").asBoolean()).isFalse();
        assertThat(JSON.readTree(uploaded.out()).get("fingerprint").asText()).isEqualTo(key.get("fingerprint").asText());

        List<String> configure = new ArrayList<>(List.of("ssh-key", "configure", "--yes"));
        configure.addAll(extra);
        var configured = cli(home, token).run(args(configure.toArray(String[]::new)));
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        assertThat(configured.out()).contains("Updated").contains(server.hostKeyFingerprint());
        String config = Files.readString(home.resolve(".ssh/config"));
        assertThat(config).contains("Host 127.0.0.1", "Port " + server.sshPort(), "IdentitiesOnly yes",
                "IdentityFile " + home.resolve(".ssh/id_ed25519_127.0.0.1"));
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).contains(server.knownHostsLine());

        List<String> verify = new ArrayList<>(List.of("verify", "--ssh", "--json"));
        if (passphrase != null) {
            verify.addAll(List.of("--key-passphrase-file", home.resolve("passphrase.txt").toString()));
        }
        var verified = cli(home, null).run(args(verify.toArray(String[]::new)));
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        JsonNode ssh = JSON.readTree(verified.out()).get("ssh");
        assertThat(ssh.get("outcome").asText()).isEqualTo("ok");
        assertThat(ssh.get("username").asText()).isEqualTo(username);

        // Re-running changes nothing and uploads nothing.
        int keysBefore = server.state().keys().size();
        String configBefore = Files.readString(home.resolve(".ssh/config"));
        String knownBefore = Files.readString(home.resolve(".ssh/known_hosts"));
        var again = cli(home, token).run(args("ssh-key", "upload"));
        assertThat(again.out()).contains("already on @" + username);
        var reconfigured = cli(home, token).run(args(configure.toArray(String[]::new)));
        assertThat(reconfigured.exitCode()).isZero();
        assertThat(reconfigured.out()).contains("Already up to date");
        assertThat(server.state().keys()).hasSize(keysBefore);
        assertThat(Files.readString(home.resolve(".ssh/config"))).isEqualTo(configBefore);
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(knownBefore);

        // The real OpenSSH, with nothing but the written config and known_hosts, is welcomed too.
        if (Processes.available("ssh") && passphrase == null) {
            var real = Processes.run(home, Map.of("HOME", home.toString()), "ssh", "-F",
                    home.resolve(".ssh/config").toString(), "-o", "UserKnownHostsFile=" + home.resolve(".ssh/known_hosts"),
                    "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-T", "git@127.0.0.1");
            assertThat(real.exitCode()).as(real.all()).isZero();
            assertThat(real.stdout()).isEqualTo("Welcome to GitLab, @" + username + "!\n");
        }
    }

    @Test
    void withoutPassphrase() throws Exception {
        fullFlow("plain", null, Seed.BOB_API_TOKEN, "bob");
    }

    @Test
    void withPassphrase() throws Exception {
        fullFlow("protected", "a long passphrase with spaces", Seed.API_TOKEN, "alice");
    }

    @Test
    void realSshKeygenReadsTheCreatedKey() throws Exception {
        assumeTrue(Processes.available("ssh-keygen"));
        Path home = Files.createDirectories(dir.resolve("keygen"));
        var created = cli(home, null).run(args("ssh-key", "create", "--file", home.resolve("k").toString()));
        assertThat(created.exitCode()).isZero();
        var y = Processes.run(home, Map.of(), "ssh-keygen", "-y", "-f", home.resolve("k").toString());
        assertThat(y.exitCode()).as(y.all()).isZero();
        assertThat(Files.readString(home.resolve("k.pub"))).startsWith(y.stdout().trim());
    }

    @Test
    void createRefusesToOverwrite() throws Exception {
        Path home = Files.createDirectories(dir.resolve("exists"));
        Path key = home.resolve("mine");
        Files.writeString(key, "my old key");
        var r = cli(home, null).run(args("ssh-key", "create", "--file", key.toString()));
        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("already exists").contains("never overwritten");
        assertThat(Files.readString(key)).isEqualTo("my old key");
    }

    @Test
    void uploadWithAReadOnlyTokenIsRefusedAndUploadsNothing() throws Exception {
        Path home = homeWithKey("scope");
        int before = server.state().keys().size();
        var r = cli(home, Seed.READ_USER_TOKEN).run(args("ssh-key", "upload"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("needs the api scope");
        assertThat(server.state().keys()).hasSize(before);
    }

    @Test
    void verifyNamesAnUnregisteredKey() throws Exception {
        Path home = homeWithKey("unregistered");
        var configured = cli(home, null).run(args("ssh-key", "configure", "--yes", "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort())));
        assertThat(configured.exitCode()).as(configured.err()).isZero();
        var r = cli(home, null).run(args("verify", "--ssh", "--ssh-host", "127.0.0.1"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("not registered on your account").contains("ssh-key upload");
    }

    @Test
    void anUnknownHostKeyIsNotRecordedWithoutYes() throws Exception {
        Path home = homeWithKey("noyes");
        var r = cli(home, null).run(args("ssh-key", "configure", "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort())));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("is not known yet").contains(server.hostKeyFingerprint()).contains("--yes");
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsRefusedWithBothFingerprints() throws Exception {
        Path home = homeWithKey("changed");
        String forged = "[127.0.0.1]:" + server.sshPort()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n";
        Files.writeString(home.resolve(".ssh/known_hosts"), forged);
        var r = cli(home, null).run(args("verify", "--ssh", "--yes", "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort())));
        assertThat(r.exitCode()).isEqualTo(4);
        String forgedFingerprint = KeyFingerprint.sha256(
                PublicKeyEntry.parsePublicKeyEntry(forged.substring(forged.indexOf(' ') + 1)
                        .trim()).resolvePublicKey(null, Map.of(), null));
        assertThat(r.err()).contains("has changed").contains(server.hostKeyFingerprint()).contains(forgedFingerprint);
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(forged);
    }

    @Test
    void theKeyFileIsOwnerOnly() throws Exception {
        Path home = homeWithKey("perms");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh/id_ed25519_127.0.0.1"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anExpiredKeyIsNamedWhenARepositoryIsVerified() throws Exception {
        Path home = homeWithKey("expired-key");
        var key = SshKeyFiles.readPublic(home.resolve(".ssh/id_ed25519_127.0.0.1.pub"));
        server.state().addKey(2, "old", key.publicKeyLine(), key.publicKey(),
                KeyFingerprint.sha256Bare(key.publicKey()),
                Instant.now().minusSeconds(60), "auth");
        cli(home, null).run(args("ssh-key", "configure", "--yes", "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort())));
        Path repo = Files.createDirectories(home.resolve("src/app/.git"));
        Files.writeString(repo.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(repo.resolve("objects"));
        Files.createDirectories(repo.resolve("refs"));
        Files.writeString(repo.resolve("config"), "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = "
                + server.sshUrl(Seed.PROJECT_ONE) + "\n");
        var r = cli(home, null).run(args("verify", "--json", "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(server.sshPort()), home.resolve("src").toString()));
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode repos = JSON.readTree(r.out()).get("repositories");
        assertThat(repos.get(0).get("outcome").asText()).isEqualTo("key-expired");
    }

    @Test
    void aRefusedSshPortIsANetworkError() throws Exception {
        Path home = homeWithKey("refused");
        int closed = closedPort();
        var r = cli(home, null).run(args("verify", "--ssh-host", "127.0.0.1", "--ssh-port", String.valueOf(closed)));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("refused");
    }

    @Test
    void aHostKeyAcceptedAtThePromptIsRecorded() throws Exception {
        Path home = homeWithKey("prompt-yes");
        ScriptedPrompter person = new ScriptedPrompter(true);
        var r = cli(home, null).prompter(person).run(args("ssh-key", "configure", "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort())));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(person.asked()).containsExactly("Trust it and record it in ~/.ssh/known_hosts?");
        assertThat(r.err()).contains("can't be established").contains(server.hostKeyFingerprint());
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).isEqualTo(server.knownHostsLine() + "\n");
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("# BEGIN gitlab-access 127.0.0.1");
    }

    @Test
    void aHostKeyDeclinedAtThePromptLeavesKnownHostsAndTheConfigurationByteIdentical() throws Exception {
        Path home = homeWithKey("prompt-no");
        byte[] known = "other.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] config = "Host other.example.org\n  User git\n".getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve(".ssh/known_hosts"), known);
        Files.write(home.resolve(".ssh/config"), config);
        ScriptedPrompter person = new ScriptedPrompter(false);
        var r = cli(home, null).prompter(person).run(args("ssh-key", "configure", "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort())));
        assertThat(person.asked()).hasSize(1);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(Files.readAllBytes(home.resolve(".ssh/known_hosts"))).isEqualTo(known);
        assertThat(Files.readAllBytes(home.resolve(".ssh/config"))).isEqualTo(config);
    }

    @Test
    void configureRefusesABlockedPortAndWritesNothing() throws Exception {
        Path home = homeWithKey("configure-blocked");
        int closed = closedPort();
        var r = cli(home, null).run(args("ssh-key", "configure", "--yes", "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(closed)));
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.err()).contains("Nothing answers on 127.0.0.1:" + closed);
        assertThat(home.resolve(".ssh/config")).doesNotExist();
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }
}
