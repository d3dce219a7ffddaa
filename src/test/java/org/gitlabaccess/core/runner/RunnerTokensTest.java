package org.gitlabaccess.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RecordedRequest;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each runner's token is verified as gitlab-runner verify does, in the body only. */
class RunnerTokensTest {
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
    void theLiveRunnerShowsItsExpiryAndTheExpiredOneIsRefusedByNameAndUrl() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("host"), server);
        HttpSettings http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
        server.state().clearRequests();

        List<RunnerTokenVerdict> verdicts = new RunnerTokens(http).verify(RunnerConfig.read(host.configFile()));

        assertThat(verdicts).extracting(RunnerTokenVerdict::state)
                .containsExactly(RunnerTokenVerdict.State.VALID, RunnerTokenVerdict.State.REFUSED);
        String expires = server.state().runner(Seed.RUNNER_TOKEN).orElseThrow().tokenExpiresAt().toString()
                .substring(0, 10);
        assertThat(verdicts.get(0).sentence().in(Locale.ENGLISH)).isEqualTo("Runner build-01 (" + server.baseUrl()
                + "): GitLab accepts its token until " + expires + ".");
        assertThat(verdicts.get(1).sentence().in(Locale.ENGLISH)).isEqualTo("Runner build-02-old (" + server.baseUrl()
                + "): GitLab refuses its token (expired, reset, or the runner was deleted), so it gets no jobs.");
        assertThat(server.state().requests()).extracting(RecordedRequest::method, RecordedRequest::path,
                RecordedRequest::authentication, RecordedRequest::status).containsExactly(
                tuple("POST", "/api/v4/runners/verify", "none", 200),
                tuple("POST", "/api/v4/runners/verify", "none", 403));
    }
}
