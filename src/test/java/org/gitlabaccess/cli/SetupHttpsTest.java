package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup --method https} end to end: the real git fetches and pushes afterwards without a prompt. */
class SetupHttpsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static GitLabTestServer server;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Processes.available("git"));
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesTheTokenCleansStaleCopiesRewritesAndGitWorksWithoutAPrompt() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String hostPort = server.baseUrl().substring("https://".length());
        Map<String, String> git = Map.of("HOME", home.toString(), "GIT_TERMINAL_PROMPT", "0",
                "GIT_CONFIG_NOSYSTEM", "1", "GIT_SSL_CAINFO", "", "CURL_CA_BUNDLE", "", "SSL_CERT_FILE", "");
        Path repo = Files.createDirectories(home.resolve("src/one"));
        Processes.run(repo, git, "git", "init", "-q", "-b", "main");
        Processes.run(repo, git, "git", "remote", "add", "origin", "https://alice:" + Seed.EXPIRED_TOKEN + "@"
                + hostPort + "/" + Seed.PROJECT_ONE + ".git");
        String unrelated = "https://bob:other-secret-9@git.example.org\n";
        Files.writeString(home.resolve(".git-credentials"), "https://alice:" + Seed.EXPIRED_TOKEN + "@" + hostPort
                + "\n" + unrelated);
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password " + Seed.ALICE_PASSWORD
                + "\nmachine other.example.org login x password y\n");

        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.WRITE_REPOSITORY_TOKEN).run("setup", "--method", "https",
                "--yes", "--json", "--credential-helper", "cache", "--scan", home.resolve("src").toString(), "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString());
        try {
            assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("steps")).extracting(s -> s.get("id").asText()).containsExactly("sign-in",
                    "credential-helper", "store-token", "clean-stale-copies", "rewrite-remotes", "verify-https");
            assertThat(Files.readString(home.resolve(".git-credentials"))).isEqualTo(unrelated);
            assertThat(Files.readString(home.resolve(".netrc"))).isEqualTo("machine other.example.org login x password y\n");
            assertThat(Processes.run(repo, git, "git", "config", "--get", "remote.origin.url").stdout().trim())
                    .isEqualTo(server.httpUrl(Seed.PROJECT_ONE));

            // Plain git, nothing but the user's configuration: fetch and push without a prompt.
            var fetch = Processes.run(repo, git, "git", "fetch", "origin");
            assertThat(fetch.exitCode()).as(fetch.all()).isZero();
            Processes.run(repo, git, "git", "checkout", "-q", "-b", "work", "origin/main");
            Files.writeString(repo.resolve("https.txt"), "over https\n");
            Processes.run(repo, git, "git", "add", "https.txt");
            Processes.run(repo, git, "git", "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-qm", "x");
            var push = Processes.run(repo, git, "git", "push", "origin", "HEAD:refs/heads/from-https-setup");
            assertThat(push.exitCode()).as(push.all()).isZero();

            // The token is in no file under the home.
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (Files.size(f) < 5_000_000) {
                        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                                .as(f.toString()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN);
                    }
                }
            }
            assertThat(r.all()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN).doesNotContain(Seed.EXPIRED_TOKEN);

            var again = new CliRunner(home).env("GITLAB_TOKEN", Seed.WRITE_REPOSITORY_TOKEN).run("setup", "--method",
                    "https", "--yes", "--credential-helper", "cache", "--scan", home.resolve("src").toString(),
                    "--host", server.baseUrl(), "--ca-file", server.caFile().toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).contains("Already set up");

            var verified = new CliRunner(home).run("verify", "--https", "--json", "--host", server.baseUrl(),
                    "--ca-file", server.caFile().toString(), home.resolve("src").toString());
            assertThat(verified.exitCode()).as(verified.err() + verified.out()).isZero();
            JsonNode v = JSON.readTree(verified.out());
            assertThat(v.get("https").get("outcome").asText()).isEqualTo("ok");
            assertThat(v.get("repositories").get(0).get("transport").asText()).isEqualTo("https");
        } finally {
            Processes.run(home, git, "git", "credential-cache", "exit");
        }
    }

    @Test
    void theStoreHelperIsRefusedWithoutAnExplicitAnswerEvenWithYes() throws Exception {
        Path home = Files.createDirectories(dir.resolve("store"));
        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.WRITE_REPOSITORY_TOKEN).run("setup", "--method", "https",
                "--yes", "--credential-helper", "store", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("plain text").contains(".git-credentials");
        assertThat(home.resolve(".git-credentials")).doesNotExist();
    }

    @Test
    void theStoreHelperDeclinedAtThePromptIsRefusedAndNothingIsWritten() throws Exception {
        Path home = Files.createDirectories(dir.resolve("store-declined"));
        ScriptedPrompter person = new ScriptedPrompter(false);
        var r = new CliRunner(home).prompter(person).env("GITLAB_TOKEN", Seed.WRITE_REPOSITORY_TOKEN).run("setup",
                "--method", "https", "--credential-helper", "store", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString());
        assertThat(person.asked()).singleElement().asString().contains(home.resolve(".git-credentials").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("plain text");
        assertThat(home.resolve(".git-credentials")).doesNotExist();
        assertThat(home.resolve(".gitconfig")).doesNotExist();
        assertThat(r.all()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN);
    }

    @Test
    void verifyHttpsDoesNotTakeAUrlWithCredentialsInsideAsProofOfTheHelper() throws Exception {
        Path home = Files.createDirectories(dir.resolve("verify-embedded"));
        Path repo = Files.createDirectories(home.resolve("src/one"));
        Map<String, String> git = Map.of("HOME", home.toString());
        Processes.run(repo, git, "git", "init", "-q");
        Processes.run(repo, git, "git", "remote", "add", "origin", "https://alice:" + Seed.WRITE_REPOSITORY_TOKEN + "@"
                + server.baseUrl().substring("https://".length()) + "/" + Seed.PROJECT_ONE + ".git");
        var r = new CliRunner(home).run("verify", "--https", "--json", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString(), home.resolve("src").toString());
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("https").get("outcome").asText()).isEqualTo("skipped");
        assertThat(doc.get("repositories").get(0).get("url").asText()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN);
        assertThat(r.all()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN);
    }
}
