package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.runner.SimulatedRunnerHost;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor --runner-config}: the build server's runners, named by name and URL, never by token. */
class DoctorRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static GitLabTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void namesTheRunnerGitLabRefusesAndNeverItsToken() throws Exception {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("build-server"), server);
        Path home = Files.createDirectories(dir.resolve("home"));
        var r = new CliRunner(home).run("doctor", "--json", "--runner-config", host.configFile().toString(), "--host",
                server.baseUrl(), "--ca-file", server.caFile().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode tokens = null;
        for (JsonNode check : JSON.readTree(r.out()).get("checks")) {
            if (check.get("id").asText().equals("runner-tokens")) {
                tokens = check;
            }
        }
        assertThat(tokens).as("the runner checks run when --runner-config is given").isNotNull();
        assertThat(tokens.get("status").asText()).isEqualTo("fail");
        assertThat(tokens.get("summary").asText()).contains(SimulatedRunnerHost.OLD_RUNNER).contains(server.baseUrl());
        assertThat(r.all()).doesNotContain(Seed.RUNNER_TOKEN).doesNotContain(Seed.EXPIRED_RUNNER_TOKEN);
    }
}
