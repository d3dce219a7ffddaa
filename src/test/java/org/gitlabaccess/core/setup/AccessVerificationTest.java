package org.gitlabaccess.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.setup.AccessVerification.RemoteCheck;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshCheckResult;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestProject;
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
        // The account's home as the product knows it, so ssh -G is pointed at the sandbox's configuration.
        Properties properties = new Properties();
        properties.setProperty("user.home", System.getProperty("user.home"));
        Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")), properties);
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

    /** ls-remote of project one with no key given, the host's block listing {@code identities} in order. */
    private static RemoteCheck lsRemoteWithConfigured(Path home, SshKey registered, SshKey... identities)
            throws IOException {
        StringBuilder config = new StringBuilder("Host " + server.sshHost() + "\n");
        for (SshKey k : identities) {
            config.append("  IdentityFile ").append(k.privateKeyFile()).append('\n');
        }
        Files.writeString(home.resolve(".ssh/config"), config.toString());
        verification(home).greet(effective(home), registered.privateKeyFile(), null, null); // records the host key
        return verification(home).lsRemote(List.of(Remote.of(server.sshUrl(Seed.PROJECT_ONE), RemoteKind.SSH)),
                null, null, (remote, i) -> { }).get(0);
    }

    @Test
    void withoutAGivenKeyEveryConfiguredIdentityIsOfferedInOrderSoTheSecondRegisteredOneReads() throws IOException {
        Path home = SERVER.directory("two-identities");
        SshKey unregistered = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_first"), "first", null);
        SshKey registered = registeredKey(home.resolve(".ssh/id_ed25519_second"));

        RemoteCheck check = lsRemoteWithConfigured(home, registered, unregistered, registered);

        assertThat(check.ok()).as(check.detail()).isTrue();
        assertThat(check.refs()).isPositive();
    }

    @Test
    void withOnlyAnUnregisteredConfiguredIdentityTheRemoteIsReportedUnregistered() throws IOException {
        Path home = SERVER.directory("one-unregistered");
        SshKey unregistered = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_only"), "only", null);
        SshKey registered = registeredKey(home.resolve(".ssh/id_ed25519_elsewhere"));

        RemoteCheck check = lsRemoteWithConfigured(home, registered, unregistered);

        assertThat(check.outcome()).isEqualTo(SshCheckResult.Outcome.KEY_NOT_REGISTERED);
    }

    @Test
    void overSshEachRemoteGetsWhatRealGitLsRemoteGetsOverOneAuthentication() throws IOException {
        assumeTrue(Processes.available("git") && Processes.available("ssh"), "git and ssh are needed");
        Path home = SERVER.directory("agreement");
        SshKey key = registeredKey(home.resolve(".ssh/id_ed25519_agree"));
        verification(home).greet(effective(home), key.privateKeyFile(), null, null); // records the host key
        Path bare = server.state().project(Seed.PROJECT_ONE).orElseThrow().bareRepository();
        server.state().addProject(new TestProject(77, "group/bobs-alone", "", bare, Set.of(2L)));
        // An annotated tag: git prints it twice (the tag, and the commit it points at).
        try (Git git = Git.open(server.state().project(Seed.PROJECT_TWO).orElseThrow().bareRepository().toFile())) {
            git.tag().setName("v1.0").setMessage("first release").setAnnotated(true)
                    .setTagger(new PersonIdent("Alice Example", "alice@example.com")).call();
        } catch (GitAPIException e) {
            throw new IOException(e);
        }
        List<Remote> remotes = List.of(Remote.of(server.sshUrl(Seed.PROJECT_ONE), RemoteKind.SSH),
                Remote.of(server.sshUrl("group/no-such-project"), RemoteKind.SSH),
                Remote.of(server.sshUrl("group/bobs-alone"), RemoteKind.SSH),
                new Remote(home.resolve("clone-a"), "origin", server.sshUrl(Seed.PROJECT_TWO),
                        server.sshUrl(Seed.PROJECT_TWO), RemoteKind.SSH),
                new Remote(home.resolve("clone-b"), "origin", server.sshUrl(Seed.PROJECT_TWO),
                        server.sshUrl(Seed.PROJECT_TWO), RemoteKind.SSH));
        int authenticated = server.sshAuthentications();

        var checks = verification(home).lsRemote(remotes, key.privateKeyFile(), null, (remote, i) -> { });

        assertThat(server.sshAuthentications() - authenticated).isEqualTo(1);
        String ssh = "ssh -F /dev/null -i " + key.privateKeyFile() + " -o IdentitiesOnly=yes -o UserKnownHostsFile="
                + home.resolve(".ssh/known_hosts") + " -o StrictHostKeyChecking=yes -o BatchMode=yes -p "
                + server.sshPort();
        for (var check : checks) {
            var git = Processes.run(home, Map.of("HOME", home.toString(), "GIT_SSH_COMMAND", ssh,
                    "PATH", System.getenv("PATH")), "git", "ls-remote", check.remote().url());
            String said = git.stderr().lines().filter(l -> l.startsWith("remote:"))
                    .map(l -> l.substring("remote:".length()).strip())
                    .filter(l -> !l.isEmpty() && !l.startsWith("=====")).reduce((a, b) -> a + " " + b).orElse("");
            assertThat(check.ok()).as(check.remote().url() + ": " + git.all()).isEqualTo(git.exitCode() == 0);
            assertThat(check.refs()).isEqualTo((int) git.stdout().lines().filter(l -> !l.isBlank()).count());
            if (!check.ok()) {
                assertThat(said).isNotEmpty();
                assertThat(check.detail()).isEqualTo(said);
            }
        }
        assertThat(checks.get(3).refs()).as("HEAD, main, the tag and its peeled line").isEqualTo(4);
        assertThat(checks).extracting(c -> c.outcome().id()).containsExactly("ok", "unexpected-answer",
                "unexpected-answer", "ok", "ok");
    }
}
