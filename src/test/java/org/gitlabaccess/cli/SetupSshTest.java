package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup --method ssh} end to end, and again on the configured machine. */
class SetupSshTest {
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

    private CliRunner.Result setup(Path home, String token, String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--method", "ssh", "--yes",
                "--host", server.baseUrl(), "--ca-file", server.caFile().toString()));
        args.addAll(List.of(extra));
        return new CliRunner(home).env("GITLAB_TOKEN", token).run(args.toArray(String[]::new));
    }

    @Test
    void setsUpSshThenReportsAlreadySetUp() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        var first = setup(home, Seed.API_TOKEN, "--json");
        assertThat(first.exitCode()).as(first.err() + first.out()).isZero();
        JsonNode doc = JSON.readTree(first.out());
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.get("alreadySetUp").asBoolean()).isFalse();
        assertThat(doc.get("steps")).extracting(s -> s.get("id").asText())
                .containsExactly("sign-in", "ssh-key", "upload-key", "ssh-config", "rewrite-remotes", "verify-ssh",
                        "verify-repositories", "revoke-token");
        assertThat(doc.get("steps").get(5).get("details").get("username").asText()).isEqualTo("alice");
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("# BEGIN gitlab-access 127.0.0.1");

        int keys = server.state().keys().size();
        var again = setup(home, Seed.API_TOKEN);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("Already set up");
        assertThat(server.state().keys()).hasSize(keys);
    }

    @Test
    void rewritesTheRemotesToSshVerifiesEachAndUndoRestoresThemWithoutCredentials() throws Exception {
        Assumptions.assumeTrue(Processes.available("git"));
        Path home = Files.createDirectories(dir.resolve("repos-home"));
        Path one = Files.createDirectories(home.resolve("src/one"));
        Path two = Files.createDirectories(home.resolve("src/two"));
        String embedded = "https://oauth2:" + Seed.EXPIRED_TOKEN + "@" + server.baseUrl().substring(8)
                + "/group/project-one.git";
        var git = Map.of("HOME", home.toString());
        Processes.run(one, git, "git", "init", "-q");
        Processes.run(one, git, "git", "remote", "add", "origin", embedded);
        Processes.run(two, git, "git", "init", "-q");
        Processes.run(two, git, "git", "remote", "add", "origin",
                server.httpUrl(Seed.PROJECT_TWO));
        Processes.run(two, git, "git", "remote", "add", "github",
                "https://github.com/someone/else.git");

        var r = setup(home, Seed.API_TOKEN, "--json", "--scan", home.resolve("src").toString());
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode steps = JSON.readTree(r.out()).get("steps");
        assertThat(steps.get(4).get("status").asText()).isEqualTo("changed");
        assertThat(steps.get(6).get("details").get("repositories")).hasSize(2);
        String sshOne = server.sshUrl(Seed.PROJECT_ONE);
        assertThat(Processes.run(one, git, "git", "config", "--get", "remote.origin.url")
                .stdout().trim()).isEqualTo(sshOne);
        assertThat(Processes.run(two, git, "git", "config", "--get", "remote.github.url")
                .stdout().trim()).isEqualTo("https://github.com/someone/else.git");
        assertThat(r.all()).doesNotContain(Seed.EXPIRED_TOKEN);

        var again = setup(home, Seed.API_TOKEN, "--scan", home.resolve("src").toString());
        assertThat(again.out()).contains("Already set up");

        var verified = new CliRunner(home).run("verify", "--json", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString(), "--ssh-host", "127.0.0.1", "--ssh-port", String.valueOf(server.sshPort()),
                home.resolve("src").toString());
        assertThat(verified.exitCode()).as(verified.err() + verified.out()).isZero();
        JsonNode repos = JSON.readTree(verified.out()).get("repositories");
        assertThat(repos).hasSize(2);
        assertThat(repos).allSatisfy(x -> assertThat(x.get("outcome").asText()).isEqualTo("ok"));
        assertThat(repos).allSatisfy(x -> assertThat(x.get("transport").asText()).isEqualTo("ssh"));

        var undo = new CliRunner(home).run("repos", "undo", "--host", server.baseUrl());
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        String restored = Processes.run(one, git, "git", "config", "--get",
                "remote.origin.url").stdout().trim();
        assertThat(restored).isEqualTo(server.httpUrl(Seed.PROJECT_ONE)).doesNotContain("oauth2");
    }

    @Test
    void aTokenWithoutApiStopsBeforeAnythingIsWritten() throws Exception {
        Path home = Files.createDirectories(dir.resolve("scope"));
        var r = setup(home, Seed.WRITE_REPOSITORY_TOKEN, "--json");
        assertThat(r.exitCode()).isEqualTo(3);
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("error").get("reason").asText()).isEqualTo("token-scope");
        assertThat(doc.get("steps").get(1).get("status").asText()).isEqualTo("skipped");
        assertThat(home.resolve(".ssh")).doesNotExist();
    }

    @Test
    void revokesTheSetupTokenWhenAsked() throws Exception {
        Path home = Files.createDirectories(dir.resolve("revoke"));
        String value = server.state().newTokenValue("glpat-");
        server.state().addToken(value, "setup", 2, List.of("api"), server.state().today().plusDays(10));
        var r = setup(home, value, "--revoke-token");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Revoked the setup token");
        assertThat(server.state().token(value).orElseThrow().revoked()).isTrue();
    }

    @Test
    void laterCommandsFindTheSshHostOfAnInstanceWhoseSshHostDiffersFromItsWebHost() throws Exception {
        // Web address "localhost", SSH (from the API's ssh_url_to_repo) on 127.0.0.1 and another port. An
        // SSH host outside the instance's domain is used only once the user names it; the port still comes
        // from the API, which names that same host.
        String web = server.baseUrl().replace("127.0.0.1", "localhost");
        Path home = Files.createDirectories(dir.resolve("split-host"));
        var refused = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup", "--method", "ssh", "--yes",
                "--host", web, "--ca-file", server.caFile().toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(4);
        assertThat(refused.err()).contains("127.0.0.1", "--ssh-host");
        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup", "--method", "ssh", "--yes",
                "--host", web, "--ca-file", server.caFile().toString(), "--ssh-host", "127.0.0.1");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        assertThat(Files.readString(home.resolve(".ssh/config"))).contains("# GitLab instance: " + web);
        var verified = new CliRunner(home).run("verify", "--json", "--host", web);
        assertThat(verified.exitCode()).as(verified.err()).isZero();
        assertThat(JSON.readTree(verified.out()).get("ssh").get("host").asText()).isEqualTo("127.0.0.1");
    }
}
