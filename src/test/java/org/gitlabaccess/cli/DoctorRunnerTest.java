package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.runner.SimulatedRunnerHost;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code doctor --runner-config}: the build server's runners, named by name and URL, never by token. */
class DoctorRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningServer running = new RunningServer();

    @Test
    void namesTheRunnerGitLabRefusesAndNeverItsToken() throws Exception {
        RunnerHost host = SimulatedRunnerHost.create(running.directory("build-server"), running.get());
        Path home = running.directory("home");
        var r = new CliRunner(home).run("doctor", "--json", "--runner-config", host.configFile().toString(), "--host",
                running.get().baseUrl(), "--ca-file", running.get().caFile().toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode tokens = null;
        for (JsonNode check : JSON.readTree(r.out()).get("checks")) {
            if (check.get("id").asText().equals("runner-tokens")) {
                tokens = check;
            }
        }
        assertThat(tokens).as("the runner checks run when --runner-config is given").isNotNull();
        assertThat(tokens.get("status").asText()).isEqualTo("fail");
        assertThat(tokens.get("summary").asText()).contains(SimulatedRunnerHost.OLD_RUNNER).contains(running.get().baseUrl());
        assertThat(r.all()).doesNotContain(Seed.RUNNER_TOKEN).doesNotContain(Seed.EXPIRED_RUNNER_TOKEN);
    }
}
