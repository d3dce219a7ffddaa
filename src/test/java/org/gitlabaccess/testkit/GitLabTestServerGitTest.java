package org.gitlabaccess.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real git and OpenSSH accept the test server as they accept GitLab. */
class GitLabTestServerGitTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static TestHttp http;
    static Path home;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Processes.available("git"), "git is not installed");
        server = GitLabTestServer.start(dir.resolve("server"));
        http = new TestHttp(server);
        home = Files.createDirectories(dir.resolve("home"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /** git with a sandbox home, the test CA, and a password supplied through GIT_ASKPASS. */
    private static Map<String, String> gitEnv(String username, String password) throws IOException {
        Path secret = Files.createTempFile(dir, "secret", ".txt");
        Files.writeString(secret, password);
        Path askpass = Files.createTempFile(dir, "askpass", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(askpass, "#!/bin/sh\ncase \"$1\" in Username*) echo '" + username + "';; *) cat '"
                + secret + "';; esac\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_ASKPASS", askpass.toString());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_SSL_CAINFO", server.caFile().toString());
        return env;
    }

    @Test
    void cloneAndPushOverHttpsWithATokenAsPassword() throws IOException {
        Path clone = dir.resolve("https-clone");
        var env = gitEnv("alice", Seed.WRITE_REPOSITORY_TOKEN);
        var cloned = Processes.run(dir, env, "git", "clone", server.httpUrl(Seed.PROJECT_ONE), clone.toString());
        assertThat(cloned.exitCode()).as(cloned.all()).isZero();
        assertThat(clone.resolve("README.md")).hasContent("# group/project-one");

        Files.writeString(clone.resolve("https.txt"), "pushed over https\n");
        Processes.run(clone, env, "git", "add", "https.txt");
        Processes.run(clone, env, "git", "-c", "user.name=Alice", "-c", "user.email=a@example.com",
                "commit", "-m", "over https");
        var pushed = Processes.run(clone, env, "git", "push", "origin", "HEAD:refs/heads/https-branch");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        var remote = Processes.run(dir, env, "git", "ls-remote", server.httpUrl(Seed.PROJECT_ONE));
        assertThat(remote.stdout()).contains("refs/heads/https-branch");
    }

    @Test
    void twoFactorPasswordIsRefusedWithGitLabsMessage() throws IOException {
        var r = Processes.run(dir, gitEnv("alice", Seed.ALICE_PASSWORD), "git", "ls-remote",
                server.httpUrl(Seed.PROJECT_ONE));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("HTTP Basic: Access denied").contains("required to use a token");
    }

    @Test
    void passwordOfAnAccountWithoutTwoFactorStillWorks() throws IOException {
        var r = Processes.run(dir, gitEnv("bob", Seed.BOB_PASSWORD), "git", "ls-remote",
                server.httpUrl(Seed.PROJECT_TWO));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).contains("refs/heads/main");
    }

    @Test
    void readOnlyTokenCannotPush() throws IOException {
        Path clone = dir.resolve("ro-clone");
        var env = gitEnv("alice", Seed.READ_REPOSITORY_TOKEN);
        assertThat(Processes.run(dir, env, "git", "clone", server.httpUrl(Seed.PROJECT_TWO), clone.toString())
                .exitCode()).isZero();
        Files.writeString(clone.resolve("x.txt"), "x\n");
        Processes.run(clone, env, "git", "add", "x.txt");
        Processes.run(clone, env, "git", "-c", "user.name=A", "-c", "user.email=a@example.com", "commit", "-m", "x");
        var pushed = Processes.run(clone, env, "git", "push", "origin", "HEAD:refs/heads/nope");
        assertThat(pushed.exitCode()).isNotZero();
        assertThat(pushed.stderr()).contains("You are not allowed to upload code.");
    }

    @Test
    void expiredTokenIsRefusedForGit() throws IOException {
        var r = Processes.run(dir, gitEnv("alice", Seed.EXPIRED_TOKEN), "git", "ls-remote",
                server.httpUrl(Seed.PROJECT_ONE));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("HTTP Basic: Access denied");
    }

    // --- SSH

    private record Key(Path privateKey, String publicLine) {
    }

    private static Key sshKeygen(String name) throws IOException {
        assumeTrue(Processes.available("ssh-keygen"), "ssh-keygen is not installed");
        Path key = dir.resolve(name);
        var r = Processes.run(dir, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f",
                key.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        return new Key(key, Files.readString(dir.resolve(name + ".pub")).trim());
    }

    private static void register(Key key, String token, String expiresAt) throws IOException {
        String body = "{\"title\":\"test\",\"key\":\"" + key.publicLine() + "\",\"usage_type\":\"auth\""
                + (expiresAt == null ? "" : ",\"expires_at\":\"" + expiresAt + "\"") + "}";
        var r = http.post("/api/v4/user/keys", token, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    private static List<String> ssh(Key key, String... rest) throws IOException {
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p",
                String.valueOf(server.sshPort()), "-i", key.privateKey().toString(), "-o", "IdentitiesOnly=yes",
                "-o", "UserKnownHostsFile=" + knownHosts, "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes"));
        cmd.addAll(List.of(rest));
        return cmd;
    }

    @Test
    void sshDashTGreetsTheKeysOwner() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is not installed");
        Key key = sshKeygen("welcome_key");
        register(key, Seed.API_TOKEN, null);
        var r = Processes.run(dir, Map.of("HOME", home.toString()), null, ssh(key, "-T", "git@127.0.0.1"));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.stdout()).isEqualTo("Welcome to GitLab, @alice!\n");
    }

    @Test
    void unregisteredKeyIsDenied() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is not installed");
        Key key = sshKeygen("stranger_key");
        var r = Processes.run(dir, Map.of("HOME", home.toString()), null, ssh(key, "-T", "git@127.0.0.1"));
        assertThat(r.exitCode()).isEqualTo(255);
        assertThat(r.stderr()).contains("Permission denied (publickey)");
    }

    @Test
    void otherCommandsAreDisallowed() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is not installed");
        Key key = sshKeygen("shell_key");
        register(key, Seed.BOB_API_TOKEN, null);
        var r = Processes.run(dir, Map.of("HOME", home.toString()), null, ssh(key, "git@127.0.0.1", "ls", "-la"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("remote: Disallowed command");
    }

    @Test
    void cloneAndPushOverSsh() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is not installed");
        Key key = sshKeygen("git_key");
        register(key, Seed.BOB_API_TOKEN, null);
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
        Map<String, String> env = Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_SSH_COMMAND", "ssh -F /dev/null -i " + key.privateKey() + " -o IdentitiesOnly=yes -o UserKnownHostsFile="
                        + knownHosts + " -o StrictHostKeyChecking=yes -o BatchMode=yes");
        Path clone = dir.resolve("ssh-clone");
        var cloned = Processes.run(dir, env, "git", "clone", server.sshUrl(Seed.PROJECT_TWO), clone.toString());
        assertThat(cloned.exitCode()).as(cloned.all()).isZero();
        assertThat(clone.resolve("README.md")).exists();
        Files.writeString(clone.resolve("ssh.txt"), "pushed over ssh\n");
        Processes.run(clone, env, "git", "add", "ssh.txt");
        Processes.run(clone, env, "git", "-c", "user.name=Bob", "-c", "user.email=b@example.com", "commit", "-m", "s");
        var pushed = Processes.run(clone, env, "git", "push", "origin", "HEAD:refs/heads/ssh-branch");
        assertThat(pushed.exitCode()).as(pushed.all()).isZero();
        // scp-like form as well: git sends the path without a leading slash.
        var scp = Processes.run(dir, Map.of("HOME", home.toString(), "GIT_SSH_COMMAND", env.get("GIT_SSH_COMMAND")
                + " -p " + server.sshPort()), "git", "ls-remote", "git@127.0.0.1:" + Seed.PROJECT_TWO + ".git");
        assertThat(scp.stdout()).contains("refs/heads/ssh-branch");
    }

    @Test
    void expiredKeyCanGreetButNotFetch() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is not installed");
        Key key = sshKeygen("soon_expired_key");
        register(key, Seed.API_TOKEN, java.time.Instant.now().plusSeconds(2).toString());
        try {
            Thread.sleep(2500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        var r = Processes.run(dir, Map.of("HOME", home.toString()), null,
                ssh(key, "git@127.0.0.1", "git-upload-pack '" + Seed.PROJECT_ONE + ".git'"));
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("Your SSH key has expired.");
    }
}
