package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helpdesk report: complete, and with every planted secret redacted. */
class DoctorReportTest {
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

    @Test
    void plantedSecretsNeverReachTheReport() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        String credentialsToken = "glpat-PlantedInGitCreds0001";
        String netrcPassword = "netrc-Pl4nted-Passw0rd";
        String dockerToken = "glpat-PlantedInDocker00002";
        String remoteToken = "glpat-PlantedInRemoteUrl03";
        Files.writeString(home.resolve(".git-credentials"), "https://alice:" + credentialsToken + "@127.0.0.1\n");
        Files.writeString(home.resolve(".netrc"), "machine 127.0.0.1 login alice password " + netrcPassword + "\n");
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"127.0.0.1:5050\":{\"auth\":\""
                + java.util.Base64.getEncoder().encodeToString(("alice:" + dockerToken).getBytes()) + "\"}}}");
        Path repo = Files.createDirectories(home.resolve("src/project/.git"));
        Files.writeString(repo.resolve("config"), "[remote \"origin\"]\n\turl = https://oauth2:" + remoteToken
                + "@127.0.0.1/group/project-one.git\n");
        var setup = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup", "--method", "ssh", "--yes",
                "--host", server.baseUrl(), "--ca-file", server.caFile().toString());
        assertThat(setup.exitCode()).as(setup.err()).isZero();

        Path report = dir.resolve("report.md");
        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("doctor", "--report", report.toString(),
                "--scan", home.resolve("src").toString(), "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString());
        assertThat(r.out()).contains("Report written to");
        String text = Files.readString(report);
        assertThat(text).contains("# GitLab Access Wizard — diagnosis report", "| Product | gitlab-access ",
                "| git | git version", "ssh-auth", "Welcome to GitLab, @alice!", "token-valid");
        for (String secret : List.of(Seed.API_TOKEN, credentialsToken, netrcPassword, dockerToken, remoteToken)) {
            assertThat(text).doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 12));
            assertThat(r.all()).doesNotContain(secret);
        }
    }
}
