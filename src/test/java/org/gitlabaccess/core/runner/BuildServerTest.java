package org.gitlabaccess.core.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
import org.gitlabaccess.core.credentials.DockerFinding;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.FilePermissions;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RecordedRequest;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The field report's build server against the test server: each runner's token verified in the body
 * only, and the forgotten test login in root's docker config found, named and cut out.
 */
class BuildServerTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static HttpSettings http;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
        http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static RunnerDockerLogins logins(RunnerHost host) {
        return new RunnerDockerLogins(host, http,
                new AtomicFile(Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void theLiveRunnerShowsItsExpiryAndTheExpiredOneIsRefusedByNameAndUrl() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("host"), server);
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

    @Test
    void theStaleRootLoginIsNamedWithItsFileUserAndRegistryAndTheRunnersOwnLoginIsValid() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("named"), server);
        RunnerConfig config = RunnerConfig.read(host.configFile());

        RunnerDockerLogins.Scan scan = logins(host).find(config);

        assertThat(scan.logins()).extracting(l -> l.source() + " " + l.owner() + " " + l.registry() + " "
                + l.finding().status()).containsExactly(
                "RUNNER_ENVIRONMENT build-01 (" + server.baseUrl() + ") 127.0.0.1:5050 VALID",
                "USER_CONFIG root registry.127.0.0.1 EXPIRED");
        RunnerDockerLogin stale = scan.logins().get(1);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.removable()).isTrue();
        Path rootConfig = host.dockerConfig("root");
        assertThat(stale.sentence().in(Locale.ENGLISH)).isEqualTo(rootConfig + ": the docker login of the host user "
                + "root for registry.127.0.0.1 (GitLab user alice) is an expired token. Docker uses it before the "
                + "job's own token, so every image pull from registry.127.0.0.1 fails with \"HTTP Basic: Access "
                + "denied\".");
        assertThat(stale.remedy().orElseThrow().in(Locale.ENGLISH))
                .isEqualTo("Remove the login for registry.127.0.0.1 from " + rootConfig
                        + " (a backup is kept beside it).");
        assertThat(scan.logins().get(0).sentence().in(Locale.ENGLISH)).isEqualTo("DOCKER_AUTH_CONFIG of runner "
                + "build-01 (" + server.baseUrl() + ") in " + host.configFile() + ": the login for 127.0.0.1:5050 "
                + "(GitLab user alice) is a valid token; the runner uses it before the job's own token.");
        assertThat(scan.registries()).contains("registry.127.0.0.1", "127.0.0.1:5050");
        for (RunnerDockerLogin l : scan.logins()) {
            assertThat(l.sentence().in(Locale.ENGLISH)).doesNotContain(Seed.EXPIRED_TOKEN, Seed.API_TOKEN,
                    SimulatedRunnerHost.auth("alice", Seed.EXPIRED_TOKEN));
        }
    }

    @Test
    void theFixCutsOnlyTheStaleEntryKeepsABackupAndIsIdempotent() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("fixed"), server);
        RunnerConfig config = RunnerConfig.read(host.configFile());
        RunnerDockerLogins logins = logins(host);
        RunnerDockerLogin stale = logins.find(config).logins().stream().filter(RunnerDockerLogin::stale)
                .findFirst().orElseThrow();
        Path file = host.dockerConfig("root");

        String said = logins.remove(stale).in(Locale.ENGLISH);

        assertThat(Files.readString(file)).isEqualTo(SimulatedRunnerHost.ROOT_DOCKER_CONFIG_AFTER);
        Path backup = file.resolveSibling("config.json.gitlab-access-20261206T100000Z.bak");
        assertThat(said).isEqualTo("Removed the login for registry.127.0.0.1 from " + file
                + "; the previous file is " + backup + ".");
        assertThat(Files.readString(backup)).isEqualTo(SimulatedRunnerHost.ROOT_DOCKER_CONFIG_BEFORE);
        if (FilePermissions.isPosix()) {
            assertThat(FilePermissions.of(file).orElseThrow()).isEqualTo(FilePermissions.OWNER_ONLY_FILE);
            assertThat(FilePermissions.of(backup).orElseThrow()).isEqualTo(FilePermissions.OWNER_ONLY_FILE);
        }

        assertThat(logins.remove(stale).in(Locale.ENGLISH))
                .isEqualTo("The login for registry.127.0.0.1 is no longer in " + file + ".");
        assertThat(Files.readString(file)).isEqualTo(SimulatedRunnerHost.ROOT_DOCKER_CONFIG_AFTER);
        assertThat(logins.find(config).logins()).noneMatch(RunnerDockerLogin::stale);
    }

    @Test
    void gitlabRunnersLoginKeptByAHelperIsNamedWithTheLogoutToRunAsThatUser() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("helper"), server);
        SimulatedRunnerHost.write(host.inside("/etc/passwd"),
                "root:x:0:0:root:/root:/bin/bash\ngitlab-runner:x:998:998::/var/lib/gitlab-runner:/bin/sh\n");
        SimulatedRunnerHost.write(host.dockerConfig("root"), "{}");
        Path runnerConfig = dir.resolve("helper/var/lib/gitlab-runner/.docker/config.json");
        SimulatedRunnerHost.write(runnerConfig, "{\"credHelpers\": {\"registry.127.0.0.1\": \"pass\"}}");

        List<RunnerDockerLogin> found = logins(host).find(RunnerConfig.read(host.configFile())).logins();

        RunnerDockerLogin hidden = found.get(found.size() - 1);
        assertThat(hidden.finding().status()).isEqualTo(DockerFinding.Status.HIDDEN);
        assertThat(hidden.finding().configFile()).isEqualTo(runnerConfig);
        assertThat(hidden.unverified()).isTrue();
        assertThat(hidden.removable()).isFalse();
        assertThat(hidden.remedy().orElseThrow().in(Locale.ENGLISH))
                .isEqualTo("As gitlab-runner, run: docker logout registry.127.0.0.1");
        assertThatThrownBy(() -> logins(host).remove(hidden)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleLoginInTheRunnersEnvironmentIsToBeChangedInConfigToml() throws IOException {
        RunnerHost host = SimulatedRunnerHost.create(dir.resolve("env"), server);
        String toml = Files.readString(host.configFile()).replace(SimulatedRunnerHost.auth("alice", Seed.API_TOKEN),
                SimulatedRunnerHost.auth("alice", Seed.REVOKED_TOKEN));
        SimulatedRunnerHost.write(host.configFile(), toml);

        RunnerDockerLogin env = logins(host).find(RunnerConfig.read(host.configFile())).logins().get(0);

        assertThat(env.finding().status()).isEqualTo(DockerFinding.Status.REVOKED);
        assertThat(env.removable()).isFalse();
        assertThat(env.remedy().orElseThrow().in(Locale.ENGLISH)).isEqualTo("Remove or renew DOCKER_AUTH_CONFIG in "
                + "the environment of runner build-01 (" + server.baseUrl() + ") in " + host.configFile()
                + ", then restart gitlab-runner.");
    }
}
