package org.gitlabaccess.core.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.runner.SimulatedRunnerHost;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runner-docker-credentials finds the field report's forgotten root login, and its fix leaves the check ok. */
class RunnerDockerCredentialsCheckTest {
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
    void theStaleRootLoginFailsTheCheckAndTheFixRemovesItAndNothingElse() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("host"), server);
        Path rootConfig = host.dockerConfig("root");
        DoctorContext c = RunnerChecksFixture.context(server, dir.resolve("home"), Locale.ENGLISH);
        RunnerDockerCredentialsCheck check = new RunnerDockerCredentialsCheck(host, host.configFile());

        CheckResult before = check.run(c);

        assertThat(before.id()).isEqualTo("runner-docker-credentials");
        assertThat(before.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(before.summary()).isEqualTo(rootConfig + ": the docker login of the host user root for "
                + "registry.127.0.0.1 (GitLab user alice) is an expired token. Docker uses it before the job's own "
                + "token, so every image pull from registry.127.0.0.1 fails with \"HTTP Basic: Access denied\".");
        assertThat(before.fix().automatic()).isTrue();
        assertThat(before.fix().description()).isEqualTo("Remove the login for registry.127.0.0.1 from " + rootConfig
                + " (a backup is kept beside it).");
        assertThat(before.summary() + before.fix().description()).doesNotContain(Seed.EXPIRED_TOKEN)
                .doesNotContain(SimulatedRunnerHost.auth("alice", Seed.EXPIRED_TOKEN));

        String applied = before.fix().action().apply(c);

        assertThat(applied).startsWith("Removed the login for registry.127.0.0.1 from " + rootConfig);
        assertThat(Files.readString(rootConfig)).isEqualTo(SimulatedRunnerHost.ROOT_DOCKER_CONFIG_AFTER);
        CheckResult after = check.run(c);
        assertThat(after.status()).isEqualTo(CheckStatus.OK);
        assertThat(after.summary()).isEqualTo("DOCKER_AUTH_CONFIG of runner build-01 (" + server.baseUrl() + ") in "
                + host.configFile() + ": the login for 127.0.0.1:5050 (GitLab user alice) is a valid token; the runner "
                + "uses it before the job's own token.");
        assertThat(after.summary()).doesNotContain(Seed.API_TOKEN);
    }

    @Test
    void aHostWithoutDockerLoginsIsOkAndSaysWhichRegistriesWereLookedFor() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("clean"), server);
        Files.delete(host.dockerConfig("root"));
        String toml = Files.readString(host.configFile());
        Files.writeString(host.configFile(), toml.replaceAll("\"DOCKER_AUTH_CONFIG=[^\\n]*\"\\]", "]")
                .replace("\"GIT_DEPTH=10\", ]", "\"GIT_DEPTH=10\"]"));

        CheckResult r = new RunnerDockerCredentialsCheck(host, host.configFile())
                .run(RunnerChecksFixture.context(server, dir.resolve("home"), Locale.ENGLISH));

        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary()).startsWith("No docker login on this host for 127.0.0.1, ")
                .contains("registry.127.0.0.1, 127.0.0.1:5050")
                .endsWith(": image pulls use the job's own token.");
    }
}
