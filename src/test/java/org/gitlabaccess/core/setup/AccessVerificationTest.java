package org.gitlabaccess.core.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Verification against the test server: which key ssh -T offers, and ls-remote over SSH. */
class AccessVerificationTest {
    @RegisterExtension
    static final RunningServer SERVER = new RunningServer();
    static GitLabTestServer server;
    static HttpSettings http;

    @BeforeAll
    static void useServer() {
        server = SERVER.get();
        http = SERVER.http();
    }

    private static AccessVerification verification(Path home) {
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")),
                new Properties());
        return new AccessVerification(env, () -> http, HostKeyDecision.ACCEPT);
    }

    private static SshKey registeredKey(Path file) {
        SshKey key = SshKeyFiles.create(file, "t", null);
        new SshKeyUploader().upload(new GitLabClient(http, server.baseUrl(), Secret.of(Seed.API_TOKEN)), key,
                file.getFileName().toString(), LocalDate.now().plusDays(30));
        return key;
    }

    private static SshConfigLookup.Effective effective(Path home) {
        return SshConfigLookup.forHome(home).forEndpoint(SshEndpoint.of(server.sshHost(), server.sshPort()));
    }

    @Test
    void withoutAnIdentityFileInTheConfigurationTheDefaultKeyIsOffered() throws IOException {
        Path home = SERVER.directory("default");
        SshKey key = registeredKey(home.resolve(".ssh/id_ed25519_default"));

        var greeting = verification(home).greet(effective(home), null, key.privateKeyFile(), null);

        assertThat(greeting.identity()).isEqualTo(key.privateKeyFile());
        assertThat(greeting.result().outcome()).as(greeting.result().detail()).isEqualTo(SshCheckResult.Outcome.OK);
        assertThat(greeting.result().username()).isEqualTo("alice");
    }

    @Test
    void theConfiguredIdentityFileBeatsTheDefaultAndTheGivenIdentityBeatsBoth() throws IOException {
        Path home = SERVER.directory("configured");
        SshKey registered = registeredKey(home.resolve(".ssh/id_ed25519_registered"));
        SshKey configured = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_configured"), "c", null);
        Files.writeString(home.resolve(".ssh/config"), "Host " + server.sshHost() + "\n  IdentityFile "
                + configured.privateKeyFile() + "\n");

        var fromConfig = verification(home).greet(effective(home), null, registered.privateKeyFile(), null);
        assertThat(fromConfig.identity()).isEqualTo(configured.privateKeyFile());
        assertThat(fromConfig.result().outcome()).isEqualTo(SshCheckResult.Outcome.KEY_NOT_REGISTERED);

        var given = verification(home).greet(effective(home), registered.privateKeyFile(), null, null);
        assertThat(given.identity()).isEqualTo(registered.privateKeyFile());
        assertThat(given.ok()).as(given.result().detail()).isTrue();
    }

    @Test
    void lsRemoteOverSshReadsTheProjectsRefsAndNamesAnUnknownProject() throws IOException {
        Path home = SERVER.directory("ls-remote");
        SshKey key = registeredKey(home.resolve(".ssh/id_ed25519_repos"));
        verification(home).greet(effective(home), key.privateKeyFile(), null, null); // records the host key

        List<Integer> started = new ArrayList<>();
        var checks = verification(home).lsRemote(List.of(Remote.of(server.sshUrl(Seed.PROJECT_ONE), RemoteKind.SSH),
                Remote.of(server.sshUrl("group/no-such-project"), RemoteKind.SSH)), key.privateKeyFile(), null,
                (remote, i) -> started.add(i));

        assertThat(started).containsExactly(0, 1);
        assertThat(checks.get(0).ok()).as(checks.get(0).detail()).isTrue();
        assertThat(checks.get(0).refs()).isPositive();
        assertThat(checks.get(1).ok()).isFalse();
        assertThat(checks.get(1).outcome().id()).isNotEqualTo("ok");
    }
}
