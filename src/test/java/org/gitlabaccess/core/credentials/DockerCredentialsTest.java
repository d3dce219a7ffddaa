package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker logins for the GitLab host and its registry (field report 001), checked against the API. */
class DockerCredentialsTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static GitHost host;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        host = GitHost.of(server.baseUrl());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static String auth(String user, String secret) {
        return Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Laid out as the docker CLI writes it (Go's MarshalIndent with a tab). */
    private static String config(boolean withExpired) {
        return "{\n"
                + "\t\"auths\": {\n"
                + "\t\t\"127.0.0.1:5050\": {\n\t\t\t\"auth\": \"" + auth("alice", Seed.API_TOKEN) + "\"\n\t\t},\n"
                + "\t\t\"https://index.docker.io/v1/\": {\n\t\t\t\"auth\": \"" + auth("someone", "hub-secret-value")
                + "\"\n\t\t},\n"
                + "\t\t\"pw.example.test\": {\n\t\t\t\"auth\": \"" + auth("alice", Seed.ALICE_PASSWORD) + "\"\n\t\t},\n"
                + (withExpired ? "\t\t\"registry.127.0.0.1\": {\n\t\t\t\"auth\": \"" + auth("alice", Seed.EXPIRED_TOKEN)
                + "\"\n\t\t},\n" : "")
                + "\t\t\"registry.example.test\": {\n\t\t\t\"auth\": \"" + auth("alice", Seed.READ_USER_TOKEN)
                + "\"\n\t\t},\n"
                + "\t\t\"revoked.example.test\": {\n\t\t\t\"auth\": \"" + auth("alice", Seed.REVOKED_TOKEN) + "\"\n\t\t}\n"
                + "\t},\n"
                + "\t\"credHelpers\": {\n\t\t\"hidden.example.test\": \"secretservice\"\n\t},\n"
                + "\t\"plugins\": [\n\t\t\"a\",\n\t\t\"b\"\n\t],\n"
                + "\t\"psFormat\": \"table {{.ID}}\\t{{.Names}}\"\n"
                + "}\n";
    }

    private Sandbox sandbox(String name) throws IOException {
        Path home = dir.resolve(name);
        Path docker = Files.createDirectories(home.resolve(".docker")).resolve("config.json");
        Files.writeString(docker, config(true));
        if (FilePermissions.isPosix()) {
            Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rw-------"));
        }
        Path other = Files.createDirectories(home.resolve("other-docker"));
        Files.writeString(other.resolve("config.json"),
                "{\n\t\"auths\": {\n\t\t\"registry.127.0.0.1\": {}\n\t},\n\t\"credsStore\": \"desktop\"\n}\n");
        return Sandbox.in(home, Map.of("DOCKER_CONFIG", other.toString()));
    }

    private static TokenProbe probe(Sandbox s) {
        return new TokenProbe(new GitLabClient(new HttpSettings(s.env(), List.of(server.caFile())), server.baseUrl(),
                null));
    }

    @Test
    void eachLoginIsCheckedAgainstGitLabWithTheExactFix() throws IOException {
        Sandbox s = sandbox("check");
        var findings = new DockerCredentials(s.home(), s.env()).find(host,
                List.of("registry.example.test", "https://revoked.example.test/v2/", "pw.example.test",
                        "hidden.example.test"), probe(s));
        var by = new java.util.LinkedHashMap<String, DockerFinding>();
        findings.forEach(f -> by.put(f.configFile().getParent().getFileName() + " " + f.registry(), f));
        assertThat(by.keySet()).containsExactly("other-docker registry.127.0.0.1",
                ".docker hidden.example.test", ".docker 127.0.0.1:5050", ".docker pw.example.test",
                ".docker registry.127.0.0.1", ".docker registry.example.test", ".docker revoked.example.test");

        assertThat(by.get(".docker 127.0.0.1:5050").status()).isEqualTo(DockerFinding.Status.VALID);
        assertThat(by.get(".docker 127.0.0.1:5050").fixCommand()).isEmpty();
        DockerFinding expired = by.get(".docker registry.127.0.0.1");
        assertThat(expired.status()).isEqualTo(DockerFinding.Status.EXPIRED);
        assertThat(expired.username()).contains("alice");
        assertThat(expired.fixCommand()).contains("docker login registry.127.0.0.1 -u alice --password-stdin");
        assertThat(by.get(".docker registry.example.test").status())
                .isEqualTo(DockerFinding.Status.MISSING_REGISTRY_SCOPE);
        assertThat(by.get(".docker registry.example.test").token().orElseThrow().scopes()).containsExactly("read_user");
        assertThat(by.get(".docker revoked.example.test").status()).isEqualTo(DockerFinding.Status.REVOKED);
        assertThat(by.get(".docker pw.example.test").status()).isEqualTo(DockerFinding.Status.REFUSED);
        assertThat(by.get(".docker hidden.example.test").status()).isEqualTo(DockerFinding.Status.HIDDEN);
        assertThat(by.get(".docker hidden.example.test").summary()).contains("docker-credential-secretservice")
                .contains("cannot be checked");
        assertThat(by.get("other-docker registry.127.0.0.1").status()).isEqualTo(DockerFinding.Status.HIDDEN);
        assertThat(by.get("other-docker registry.127.0.0.1").summary()).contains("docker-credential-desktop");
        // The unrelated Docker Hub login is not even looked at.
        assertThat(findings).noneMatch(f -> f.registry().contains("docker.io"));

        String report = findings.toString();
        for (String secret : List.of(Seed.API_TOKEN, Seed.EXPIRED_TOKEN, Seed.READ_USER_TOKEN, Seed.REVOKED_TOKEN,
                Seed.ALICE_PASSWORD, "hub-secret-value")) {
            assertThat(report).doesNotContain(secret);
        }
    }

    @Test
    void removingADeadLoginKeepsEveryOtherEntryAndDockersLayout() throws IOException {
        Sandbox s = sandbox("remove");
        Path file = s.home().resolve(".docker/config.json");
        assertThat(new DockerConfigEditor(new AtomicFile()).removeLogin(file, "registry.127.0.0.1")).isTrue();
        assertThat(Files.readString(file)).isEqualTo(config(false));
        if (FilePermissions.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(new DockerConfigEditor(new AtomicFile()).removeLogin(file, "registry.127.0.0.1")).isFalse();
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing).hasSize(1); // no backup of the secrets
        }
    }

    @Test
    void theDockerCliGetsTheTokenOnStdinOnly() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path fake = bin.resolve("docker");
        Files.writeString(fake, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$HOME/docker-args\"\n"
                + "if [ \"$1\" = login ]; then wc -c | tr -d ' ' > \"$HOME/docker-stdin-length\"; "
                + "echo 'Login Succeeded'; fi\n");
        fake.toFile().setExecutable(true);
        Sandbox s = Sandbox.in(dir.resolve("cli"), Map.of("PATH", bin + ":" + System.getenv("PATH")));
        DockerCli cli = DockerCli.find(s.env()).orElseThrow();
        var r = cli.login("registry.127.0.0.1", "alice", Secret.of(Seed.API_TOKEN));
        assertThat(r.ok()).isTrue();
        assertThat(r.output()).isEqualTo("Login Succeeded");
        assertThat(Files.readString(s.home().resolve("docker-args")))
                .isEqualTo("login\nregistry.127.0.0.1\n-u\nalice\n--password-stdin\n");
        assertThat(Files.readString(s.home().resolve("docker-stdin-length")).strip())
                .isEqualTo(String.valueOf(Seed.API_TOKEN.length() + 1));
        assertThat(cli.logout("registry.127.0.0.1").ok()).isTrue();
        assertThat(Files.readString(s.home().resolve("docker-args"))).isEqualTo("logout\nregistry.127.0.0.1\n");
    }
}
