package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ls-remote through JGit's MINA transport with the user's ~/.ssh files. */
class GitOverSshCheckTest {
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

    /** A home with a key (registered or not), the config block and known_hosts as configure writes them. */
    private Path home(String name, Secret passphrase, Instant registeredUntil, boolean knownHost) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_test"), name, passphrase);
        if (registeredUntil != null) {
            server.state().addKey(1, name, key.publicKeyLine(), key.publicKey(),
                    KeyFingerprint.sha256Bare(key.publicKey()), registeredUntil, "auth");
        }
        SshEndpoint endpoint = SshEndpoint.of(server.sshHost(), server.sshPort());
        SshConfigBlock.writeTo(home.resolve(".ssh/config"), new SshConfigBlock.Settings(endpoint, key.privateKeyFile(),
                Path.of("/nonexistent-home"), false), new AtomicFile());
        if (knownHost) {
            Files.writeString(home.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
        }
        return home;
    }

    private String url() {
        return server.sshUrl(Seed.PROJECT_ONE);
    }

    @Test
    void listsTheRefsWithTheConfiguredKeyEvenAPassphraseProtectedOne() throws IOException {
        Path home = home("ok", Secret.exact("pass phrase"), Instant.now().plusSeconds(3600), true);
        try (GitOverSshCheck check = new GitOverSshCheck(home, null, Secret.exact("pass phrase"))) {
            var r = check.lsRemote(url());
            assertThat(r.outcome()).as(r.detail()).isEqualTo(SshCheckResult.Outcome.OK);
            assertThat(r.refs()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void anExpiredKeyIsNamedAsSuch() throws IOException {
        Path home = home("expired", null, Instant.now().minusSeconds(10), true);
        try (GitOverSshCheck check = new GitOverSshCheck(home, null, null)) {
            assertThat(check.lsRemote(url()).outcome()).isEqualTo(SshCheckResult.Outcome.KEY_EXPIRED);
        }
    }

    @Test
    void anUnregisteredKeyIsRefused() throws IOException {
        Path home = home("unregistered", null, null, true);
        try (GitOverSshCheck check = new GitOverSshCheck(home, null, null)) {
            assertThat(check.lsRemote(url()).outcome()).isEqualTo(SshCheckResult.Outcome.KEY_NOT_REGISTERED);
        }
    }

    @Test
    void anUnknownHostIsRefusedAndNotAdded() throws IOException {
        Path home = home("unknown-host", null, Instant.now().plusSeconds(3600), false);
        try (GitOverSshCheck check = new GitOverSshCheck(home, null, null)) {
            var r = check.lsRemote(url());
            assertThat(r.ok()).isFalse();
        }
        assertThat(Files.exists(home.resolve(".ssh/known_hosts")) ? Files.readString(home.resolve(".ssh/known_hosts"))
                : "").doesNotContain(server.hostKeyLine().split(" ")[1]);
    }
}
