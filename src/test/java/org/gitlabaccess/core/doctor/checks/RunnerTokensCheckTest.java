package org.gitlabaccess.core.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.runner.SimulatedRunnerHost;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runner-tokens names the runner GitLab refuses by name and URL, never by its token. */
class RunnerTokensCheckTest {
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
    void theExpiredRunnerFailsTheCheckByNameAndUrl() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("host"), server);

        CheckResult r = new RunnerTokensCheck(host.configFile())
                .run(RunnerChecksFixture.context(server, dir.resolve("home"), Locale.ENGLISH));

        assertThat(r.id()).isEqualTo("runner-tokens");
        assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(r.summary()).isEqualTo("Runner build-02-old (" + server.baseUrl() + "): GitLab refuses its token "
                + "(expired, reset, or the runner was deleted), so it gets no jobs.");
        assertThat(r.fix().automatic()).isFalse();
        assertThat(r.fix().description()).startsWith("Register the runner again");
        assertThat(r.summary() + r.fix().description() + r.details())
                .doesNotContain(Seed.RUNNER_TOKEN).doesNotContain(Seed.EXPIRED_RUNNER_TOKEN);
    }

    @Test
    void liveRunnersAloneAreOkInTheCallersLanguage() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("live"), server);
        String toml = Files.readString(host.configFile());
        Files.writeString(host.configFile(), toml.substring(0, toml.lastIndexOf("[[runners]]")));

        CheckResult r = new RunnerTokensCheck(host.configFile())
                .run(RunnerChecksFixture.context(server, dir.resolve("home"), Locale.GERMAN));

        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary()).startsWith("Runner build-01 (" + server.baseUrl() + "): GitLab akzeptiert sein Token bis ");
    }

    @Test
    void withoutAConfigurationTheCheckIsSkippedAndACorruptOneFailsNamingTheFile() throws IOException {
        Path absent = dir.resolve("absent/config.toml");
        CheckResult skipped = new RunnerTokensCheck(absent)
                .run(RunnerChecksFixture.context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(skipped.status()).isEqualTo(CheckStatus.SKIP);
        assertThat(skipped.summary()).isEqualTo("No gitlab-runner configuration at " + absent + ".");

        Path corrupt = Files.writeString(dir.resolve("corrupt.toml"), "[[runners]]\nname = = 1\n");
        CheckResult failed = new RunnerTokensCheck(corrupt)
                .run(RunnerChecksFixture.context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failed.summary()).isEqualTo("The runner configuration " + corrupt + " is not valid TOML (line 2).");
    }
}
