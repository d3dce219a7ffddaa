package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on sandbox homes with the field reports' failure modes planted. */
class DoctorTest {
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

    private static JsonNode check(JsonNode doc, String id) {
        for (JsonNode c : doc.get("checks")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check " + id);
    }

    private static JsonNode doctor(Path home, String token, String... extra) throws IOException {
        CliRunner cli = new CliRunner(home);
        if (token != null) {
            cli.env("GITLAB_TOKEN", token);
        }
        List<String> args = new ArrayList<>(List.of("doctor", "--json", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString()));
        args.addAll(List.of(extra));
        var r = cli.run(args.toArray(String[]::new));
        JsonNode doc = JSON.readTree(r.out());
        assertThat(r.exitCode()).isEqualTo(anyFailed(doc) ? 1 : 0);
        return doc;
    }

    private static int keyListReads() {
        return (int) server.state().requests().stream()
                .filter(r -> r.method().equals("GET") && r.path().startsWith("/api/v4/user/keys")).count();
    }

    private static boolean anyFailed(JsonNode doc) {
        for (JsonNode c : doc.get("checks")) {
            if (c.get("status").asText().equals("fail")) {
                return true;
            }
        }
        return false;
    }

    private static Path configuredHome(String name, String token) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        var r = new CliRunner(home).env("GITLAB_TOKEN", token).run("setup", "--method", "ssh", "--yes", "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return home;
    }

    @Test
    void aHealthyMachineHasNoFailures() throws IOException {
        Path home = configuredHome("healthy", Seed.API_TOKEN);
        int before = keyListReads();
        JsonNode doc = doctor(home, Seed.API_TOKEN);
        assertThat(anyFailed(doc)).as(doc.toString()).isFalse();
        for (String id : List.of("host-reachable", "tls-trust", "token-valid", "ssh-port", "ssh-host-key",
                "ssh-key-present", "ssh-key-registered", "ssh-key-expiry", "ssh-auth", "git-version")) {
            assertThat(check(doc, id).get("status").asText()).as(id + ": " + check(doc, id)).isEqualTo("ok");
        }
        // ssh-key-registered and ssh-key-expiry share one read of the account's keys.
        assertThat(keyListReads() - before).isEqualTo(1);
        assertThat(check(doc, "ssh-auth").get("summary").asText()).contains("Welcome to GitLab, @alice!");
    }

    @Test
    void anExpiredTokenFailsTokenValid() throws IOException {
        Path home = Files.createDirectories(dir.resolve("expired"));
        JsonNode c = check(doctor(home, Seed.EXPIRED_TOKEN), "token-valid");
        assertThat(c.get("status").asText()).isEqualTo("fail");
        assertThat(c.get("summary").asText()).contains("expired");
        assertThat(c.get("fix").asText()).contains("personal_access_tokens");
    }

    @Test
    void anUnregisteredKeyFailsRegisteredAndAuth() throws IOException {
        Path home = configuredHome("unregistered", Seed.BOB_API_TOKEN);
        server.state().keysOf(2).forEach(k -> server.state().removeKey(2, k.id()));
        JsonNode doc = doctor(home, Seed.BOB_API_TOKEN);
        assertThat(check(doc, "ssh-key-registered").get("status").asText()).isEqualTo("fail");
        assertThat(check(doc, "ssh-key-registered").get("fix").asText()).contains("ssh-key upload");
        assertThat(check(doc, "ssh-auth").get("status").asText()).isEqualTo("fail");
        assertThat(check(doc, "ssh-auth").get("summary").asText()).contains("not registered");
    }

    @Test
    void aChangedHostKeyFails() throws IOException {
        Path home = configuredHome("changed", Seed.API_TOKEN);
        Files.writeString(home.resolve(".ssh/known_hosts"), "[127.0.0.1]:" + server.sshPort()
                + " ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n");
        JsonNode doc = doctor(home, null);
        assertThat(check(doc, "ssh-host-key").get("status").asText()).isEqualTo("fail");
        assertThat(check(doc, "ssh-host-key").get("fix").asText()).contains("ssh-keygen -R");
        assertThat(check(doc, "ssh-auth").get("status").asText()).isEqualTo("skip");
    }

    @Test
    void aBlockedPortFailsSshPort() throws IOException {
        Path home = Files.createDirectories(dir.resolve("blocked"));
        int closed;
        try (var s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        JsonNode doc = doctor(home, null, "--ssh-host", "127.0.0.1", "--ssh-port", String.valueOf(closed));
        assertThat(check(doc, "ssh-port").get("status").asText()).isEqualTo("fail");
        assertThat(check(doc, "ssh-port").get("fix").asText()).contains("HTTPS");
    }

    @Test
    void anUntrustedCertificateFailsTlsTrustOnly() throws IOException {
        Path home = Files.createDirectories(dir.resolve("tls"));
        var r = new CliRunner(home).run("doctor", "--json", "--host", server.baseUrl());
        JsonNode doc = JSON.readTree(r.out());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(check(doc, "tls-trust").get("status").asText()).isEqualTo("fail");
        assertThat(check(doc, "host-reachable").get("status").asText()).isEqualTo("ok");
    }

    @Test
    void anUnknownHostKeyIsRecordedByFixWithYes() throws IOException {
        Path home = configuredHome("fixable", Seed.API_TOKEN);
        Files.delete(home.resolve(".ssh/known_hosts"));
        JsonNode before = doctor(home, null);
        assertThat(check(before, "ssh-host-key").get("status").asText()).isEqualTo("warn");
        assertThat(check(before, "ssh-host-key").get("fixAutomatic").asBoolean()).isTrue();
        JsonNode after = doctor(home, null, "--fix", "--yes");
        assertThat(check(after, "ssh-host-key").get("status").asText()).isEqualTo("ok");
        assertThat(Files.readString(home.resolve(".ssh/known_hosts"))).contains(server.knownHostsLine());
    }

    @Test
    void fixWithNobodyToAskAndNoYesIsAUsageErrorThatChangesNothing() throws IOException {
        Path home = configuredHome("unasked", Seed.API_TOKEN);
        Files.delete(home.resolve(".ssh/known_hosts"));
        var r = new CliRunner(home).run("doctor", "--host", server.baseUrl(), "--ca-file", server.caFile().toString(),
                "--fix");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--fix asks before each fix").contains("--yes");
        assertThat(home.resolve(".ssh/known_hosts")).doesNotExist();
    }

    @Test
    void theFieldReportsFailureModesAreFoundAndFixWithYesRepairsTheFixableOnes() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.gitlabaccess.testkit.Processes.available("git"));
        Path home = Files.createDirectories(dir.resolve("seeds"));
        String hostPort = server.baseUrl().substring("https://".length());
        String unrelatedCredential = "https://carol:unrelated-secret-1@git.example.org\n";
        Files.writeString(home.resolve(".git-credentials"), unrelatedCredential + "https://alice:" + Seed.EXPIRED_TOKEN
                + "@" + hostPort + "\n");
        Files.writeString(home.resolve(".gitconfig"), "[credential]\n\thelper = store\n");
        String unrelatedNetrc = "machine other.example.org\n  login x\n  password y\n";
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password " + Seed.REVOKED_TOKEN + "\n"
                + unrelatedNetrc);
        Files.createDirectories(home.resolve(".docker"));
        String dockerConfig = "{\n  \"auths\": {\n    \"" + hostPort + "\": {\n      \"auth\": \""
                + java.util.Base64.getEncoder().encodeToString(("alice:" + Seed.EXPIRED_TOKEN).getBytes()) + "\"\n    }\n  }\n}\n";
        Files.writeString(home.resolve(".docker/config.json"), dockerConfig);
        Path repo = Files.createDirectories(home.resolve("src/app"));
        var git = java.util.Map.of("HOME", home.toString());
        org.gitlabaccess.testkit.Processes.run(repo, git, "git", "init", "-q");
        org.gitlabaccess.testkit.Processes.run(repo, git, "git", "remote", "add", "origin", "https://oauth2:"
                + Seed.EXPIRED_TOKEN + "@" + hostPort + "/group/project-one.git");
        org.gitlabaccess.testkit.Processes.run(repo, git, "git", "remote", "add", "mirror",
                "https://github.com/someone/app.git");

        JsonNode before = doctor(home, null, "--scan", home.resolve("src").toString());
        assertThat(check(before, "credential-helper").get("status").asText()).isEqualTo("warn");
        assertThat(check(before, "credential-helper").get("summary").asText()).contains("plain text");
        assertThat(check(before, "git-credentials-plaintext").get("status").asText()).isEqualTo("fail");
        assertThat(check(before, "git-credentials-plaintext").get("fixAutomatic").asBoolean()).isTrue();
        assertThat(check(before, "netrc-plaintext").get("status").asText()).isEqualTo("fail");
        assertThat(check(before, "remote-embedded-credentials").get("status").asText()).isEqualTo("fail");
        assertThat(check(before, "docker-registry-credentials").get("status").asText()).isEqualTo("fail");
        assertThat(check(before, "docker-registry-credentials").get("fix").asText()).contains("docker login")
                .contains("--password-stdin");
        assertThat(before.toString()).doesNotContain(Seed.EXPIRED_TOKEN).doesNotContain(Seed.REVOKED_TOKEN);

        JsonNode after = doctor(home, null, "--scan", home.resolve("src").toString(), "--fix", "--yes");
        for (String id : List.of("git-credentials-plaintext", "netrc-plaintext", "remote-embedded-credentials")) {
            assertThat(check(after, id).get("status").asText()).as(id).isEqualTo("ok");
        }
        assertThat(Files.readString(home.resolve(".git-credentials"))).isEqualTo(unrelatedCredential);
        assertThat(Files.readString(home.resolve(".netrc"))).isEqualTo(unrelatedNetrc);
        assertThat(Files.readString(home.resolve(".docker/config.json"))).isEqualTo(dockerConfig);
        assertThat(org.gitlabaccess.testkit.Processes.run(repo, git, "git", "config", "--get", "remote.origin.url")
                .stdout().trim()).isEqualTo(server.httpUrl(Seed.PROJECT_ONE));
        assertThat(org.gitlabaccess.testkit.Processes.run(repo, git, "git", "config", "--get", "remote.mirror.url")
                .stdout().trim()).isEqualTo("https://github.com/someone/app.git");
    }
}
