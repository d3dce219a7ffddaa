package org.gitlabaccess.core.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.runner.SimulatedRunnerHost;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's runner checks as the lead runs them on a build server (the test server's CA, no token
 * of its own): runner-tokens names the refused runner by name and URL, never by its token;
 * runner-docker-credentials finds the field report's forgotten root login, and its fix leaves the check ok.
 */
class RunnerChecksTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

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
                .run(context(server, dir.resolve("home"), Locale.ENGLISH));

        assertThat(r.id()).isEqualTo(CheckId.RUNNER_TOKENS);
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
                .run(context(server, dir.resolve("home"), Locale.GERMAN));

        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary())
                .startsWith("Runner build-01 (" + server.baseUrl() + "): GitLab akzeptiert sein Token bis ");
    }

    @Test
    void withoutAConfigurationTheCheckIsSkippedAndACorruptOneFailsNamingTheFile() throws IOException {
        Path absent = dir.resolve("absent/config.toml");
        CheckResult skipped = new RunnerTokensCheck(absent)
                .run(context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(skipped.status()).isEqualTo(CheckStatus.SKIP);
        assertThat(skipped.summary()).isEqualTo("No gitlab-runner configuration at " + absent + ".");

        Path corrupt = Files.writeString(dir.resolve("corrupt.toml"), "[[runners]]\nname = = 1\n");
        CheckResult failed = new RunnerTokensCheck(corrupt)
                .run(context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(failed.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(failed.summary()).isEqualTo("The runner configuration " + corrupt + " is not valid TOML (line 2).");
    }

    @Test
    void theStaleRootLoginFailsTheCheckAndTheFixRemovesItAndNothingElse() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("fixed"), server);
        Path rootConfig = host.dockerConfig("root");
        DoctorContext c = context(server, dir.resolve("home"), Locale.ENGLISH);
        RunnerDockerCredentialsCheck check = new RunnerDockerCredentialsCheck(host, host.configFile());

        CheckResult before = check.run(c);

        assertThat(before.id()).isEqualTo(CheckId.RUNNER_DOCKER_CREDENTIALS);
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
                .run(context(server, dir.resolve("home"), Locale.ENGLISH));

        assertThat(r.status()).isEqualTo(CheckStatus.OK);
        assertThat(r.summary()).startsWith("No docker login on this host for 127.0.0.1, ")
                .contains("registry.127.0.0.1, 127.0.0.1:5050")
                .endsWith(": image pulls use the job's own token.");
    }

    @Test
    void aCorruptDockerConfigFailsAndOneOutOfReachIsNamedRatherThanTakenForAbsent() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("unread"), server);
        Path rootConfig = host.dockerConfig("root");
        Files.writeString(rootConfig, "{\"auths\": {\n");
        RunnerDockerCredentialsCheck check = new RunnerDockerCredentialsCheck(host, host.configFile());

        CheckResult corrupt = check.run(context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(corrupt.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(corrupt.summary()).startsWith(rootConfig + " could not be read as JSON");

        // What a doctor not run as root meets at /root; a file where a directory belongs is refused the same way.
        Files.delete(rootConfig);
        Files.delete(rootConfig.getParent());
        Files.writeString(rootConfig.getParent(), "not a directory");
        CheckResult partial = check.run(context(server, dir.resolve("home"), Locale.ENGLISH));
        assertThat(partial.status()).isEqualTo(CheckStatus.WARN);
        assertThat(partial.summary()).endsWith(" Could not look at " + rootConfig
                + ": run the doctor as root to check it too.");
    }

    private static DoctorContext context(GitLabTestServer server, Path home, Locale locale) {
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        return new DoctorContext(new DoctorContext.Inputs(env, SiteConfig.empty(), server.baseUrl(), server.caFile(),
                null, null, null, List.of(), null, HostKeyDecision.REFUSE, "build-server", CLOCK, locale,
                CoreTexts.Wording.COMMAND_LINE));
    }
}
