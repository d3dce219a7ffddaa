package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.ssh.HostPatterns;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nothing from the API, the site configuration or the command line becomes SSH configuration
 * unchecked, and the user's own {@code ~/.ssh/config} is read as OpenSSH reads it. Each case: exit
 * code, the words a user sees, and the home untouched (or, where the run succeeds, only the marked
 * block changed and {@code ssh -G} answering the same for every other host).
 */
class SshConfigHostileTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PWNED = Path.of(System.getProperty("java.io.tmpdir"), "gitlab-access-pwned");

    @TempDir
    static Path dir;
    static GitLabTestServer server;
    private static int homes;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @AfterEach
    void restoreApi() throws IOException {
        server.state().overrideSshUrl(null);
        server.state().overrideHttpUrl(null);
        assertThat(PWNED).as("a planted command ran").doesNotExist();
    }

    private static Path newHome() throws IOException {
        return Files.createDirectories(dir.resolve("home" + homes++));
    }

    private static CliRunner cli(Path home) {
        return new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN);
    }

    private static String[] args(String... rest) {
        List<String> l = new ArrayList<>(List.of(rest));
        l.addAll(List.of("--host", server.baseUrl(), "--ca-file", server.caFile().toString()));
        return l.toArray(String[]::new);
    }

    // --- the API's ssh_url_to_repo ---

    @ParameterizedTest(name = "ssh_url_to_repo {0}")
    @ValueSource(strings = {
        "git@127.0.0.1\nProxyCommand touch /tmp/gitlab-access-pwned\nHost x:group/project-one.git",
        "git@127.0.0.1 evil.example.net:group/project-one.git",
        "git@-oProxyCommand=touch /tmp/gitlab-access-pwned:group/project-one.git",
        "git@127.0.0.1%h:group/project-one.git",
        "ssh://git@127.0.0.1:0/group/project-one.git",
        "git@\"127.0.0.1\":group/project-one.git",
        "git@127.0.0.1#comment:group/project-one.git",
    })
    void aHostileSshHostFromTheApiIsRefusedBeforeAnythingIsWritten(String sshUrl) throws IOException {
        Path home = newHome();
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host work\n  HostName gitlab.work.example\n");
        server.state().overrideSshUrl(sshUrl);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("ssh-key", "configure", "--yes"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("not a valid host").contains("--ssh-host");
        assertThat(r.err()).doesNotContain("\nProxyCommand");
        before.assertUnchanged();
    }

    @Test
    void aForeignSshHostFromTheApiStopsTheRunAndNamesSshHost() throws IOException {
        Path home = newHome();
        server.state().overrideSshUrl("git@evil.example.net:group/project-one.git");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("ssh-key", "configure", "--yes"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("evil.example.net", "neither 127.0.0.1", "--ssh-host");
        before.assertUnchanged();
    }

    @Test
    void aForeignSshHostIsUsedWhenTheUserNamesItWithSshHost() throws IOException {
        Path home = newHome();
        server.state().overrideSshUrl("git@evil.example.net:group/project-one.git");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        // The user's own --ssh-host wins; no key exists here, so the run stops at reading it (exit 5), not at the API.
        var r = cli(home).run(args("ssh-key", "configure", "--yes", "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort())));
        assertThat(r.err()).doesNotContain("evil.example.net");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        before.assertUnchanged();
    }

    // --- the command line ---

    @ParameterizedTest(name = "--ssh-port {0}")
    @ValueSource(strings = {"0", "70000", "22 -oProxyCommand=x", "-1", "0x16"})
    void aBadSshPortIsAUsageError(String port) throws IOException {
        Path home = newHome();
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("verify", "--ssh", "--ssh-port=" + port));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--ssh-port");
        before.assertUnchanged();
    }

    @ParameterizedTest(name = "--ssh-host {0}")
    @ValueSource(strings = {"gitlab.example.com\nProxyCommand touch /tmp/gitlab-access-pwned", "a b",
        "-oProxyCommand=touch", "host%h", "git@host", "\"quoted\"", "host/path", "host#x"})
    void aBadSshHostIsAUsageError(String host) throws IOException {
        Path home = newHome();
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("ssh-key", "configure", "--ssh-host=" + host));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("--ssh-host", "is not a host name");
        before.assertUnchanged();
    }

    @Test
    void aBadSshHostInTheSiteConfigurationIsALocalFileError() throws IOException {
        Path home = newHome();
        Path site = Files.createDirectories(home.resolve(".config/gitlab-access")).resolve("config.json");
        Files.writeString(site, "{\"sshHost\": \"127.0.0.1\\nProxyCommand touch /tmp/gitlab-access-pwned\"}");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("verify", "--ssh"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("site configuration's sshHost", "\\u000a");
        before.assertUnchanged();
    }

    @Test
    void aBadSshHostInTheSiteConfigurationNeverBecomesARemoteUrl() throws IOException {
        Path home = newHome();
        Path repo = Files.createDirectories(home.resolve("src/app"));
        Processes.run(repo, Map.of(), null, List.of("git", "init", "-q"));
        Processes.run(repo, Map.of(), null, List.of("git", "remote", "add", "origin", server.httpUrl(Seed.PROJECT_ONE)));
        Path site = Files.createDirectories(home.resolve(".config/gitlab-access")).resolve("config.json");
        Files.writeString(site, "{\"sshHost\": \"-oProxyCommand=touch /tmp/gitlab-access-pwned\"}");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = new CliRunner(home).run(args("repos", "rewrite", "--to", "ssh", "--yes", home.resolve("src").toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("-oProxyCommand", "site configuration's sshHost", "is not a host name");
        before.assertUnchanged();
    }

    @Test
    void aBadSshPortInTheSiteConfigurationIsALocalFileError() throws IOException {
        Path home = newHome();
        Path site = Files.createDirectories(home.resolve(".config/gitlab-access")).resolve("config.json");
        Files.writeString(site, "{\"sshPort\": 70000}");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("verify", "--ssh"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("70000", "site configuration's sshPort");
        before.assertUnchanged();
    }

    // --- the user's ~/.ssh/config ---

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Host build-{a,b}\n  User builder\n", "Host [x\n  Port 2200\n",
        "Host *.corp !gitlab.corp\n  ProxyJump bastion.corp\nHost build-? \"quoted one\"\n  Port 2201\n",
        "Match originalhost work exec \"true\"\n  HostName gitlab.work.example\nHost *\n  ServerAliveInterval 30\n"})
    void configureWritesOnlyItsBlockAndNoOtherHostChanges(String userConfig) throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = newHome();
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), userConfig);
        var created = new CliRunner(home).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.all()).isZero();
        List<String> others = otherHosts(userConfig);
        Map<String, String> sshBefore = sshG(home, others);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = cli(home).run(args("ssh-key", "configure", "--yes"));

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("Updated");
        String after = Files.readString(home.resolve(".ssh/config"));
        String block = after.substring(after.indexOf("# BEGIN gitlab-access"),
                after.indexOf("\n", after.indexOf("# END gitlab-access")) + 1);
        assertThat(after.replace(block + "\n", "")).isEqualTo(userConfig);
        assertThat(sshG(home, others)).isEqualTo(sshBefore);
        before.assertUnchangedExcept(p -> p.equals(".ssh/config") || p.startsWith(".ssh/config.")
                || p.equals(".ssh/known_hosts") || p.startsWith(".local"));
    }

    @Test
    void setupWritesOnlyItsBlockAndNoOtherHostChanges() throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = newHome();
        String userConfig = "Host build-{a,b} [x\n  User builder\nHost *.corp !gitlab.corp\n  Port 2200\n"
                + "Match originalhost work\n  HostName gitlab.work.example\n";
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), userConfig);
        List<String> others = otherHosts(userConfig);
        Map<String, String> sshBefore = sshG(home, others);

        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.BOB_API_TOKEN).run(args("setup", "--method", "ssh", "--yes"));

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("@bob");
        String after = Files.readString(home.resolve(".ssh/config"));
        String block = after.substring(after.indexOf("# BEGIN gitlab-access"),
                after.indexOf("\n", after.indexOf("# END gitlab-access")) + 1);
        assertThat(after.replace(block + "\n", "")).isEqualTo(userConfig);
        assertThat(sshG(home, others)).isEqualTo(sshBefore);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Match foo bar\n  Port 2\n", "Host *\n  NoSuchOption yes\n",
        "Host gitlab\n  Port notaport\n"})
    void aConfigurationOpenSshRejectsIsNeverReportedAsWorking(String userConfig) throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = newHome();
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), userConfig);
        var openSsh = Processes.run(null, Map.of("HOME", home.toString()), null,
                List.of("ssh", "-G", "-F", home.resolve(".ssh/config").toString(), "127.0.0.1"));
        assertThat(openSsh.exitCode()).isNotZero();
        String openSshSays = openSsh.stderr().strip().lines().reduce((a, b) -> b).orElseThrow();
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var verify = cli(home).run(args("verify", "--ssh", "--yes"));
        assertThat(verify.exitCode()).as(verify.all()).isEqualTo(5);
        assertThat(verify.all()).doesNotContain("Welcome").doesNotContain("works");
        assertThat(verify.err()).contains("OpenSSH refuses your SSH configuration", openSshSays)
                .contains("check with: ssh -G ").doesNotContain("{0}");

        var configure = cli(home).run(args("ssh-key", "configure", "--yes", "--file", home.resolve("k").toString()));
        assertThat(configure.exitCode()).as(configure.all()).isEqualTo(5);
        before.assertUnchanged();
    }

    @Test
    void doctorsSshChecksQuoteOpenSshWhenItRejectsTheConfiguration() throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = newHome();
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  NoSuchOption yes\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = new CliRunner(home).run(args("doctor", "--json"));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        int sshChecks = 0;
        for (JsonNode check : JSON.readTree(r.out()).get("checks")) {
            if (List.of("ssh-port", "ssh-host-key").contains(check.get("id").asText())) {
                sshChecks++;
                assertThat(check.get("status").asText()).isEqualTo("fail");
                assertThat(check.get("summary").asText()).contains("OpenSSH refuses", "Bad configuration option: nosuchoption");
            }
        }
        assertThat(sshChecks).isEqualTo(2);
        before.assertUnchangedExcept(p -> p.startsWith(".local"));
    }

    @Test
    void verifyConnectsToTheSshPortGivenOnTheCommandLineDespiteAHostStarBlock() throws Exception {
        Path home = newHome();
        var created = new CliRunner(home).run(args("ssh-key", "create"));
        assertThat(created.exitCode()).as(created.all()).isZero();
        var uploaded = cli(home).run(args("ssh-key", "upload"));
        assertThat(uploaded.exitCode()).as(uploaded.all()).isZero();
        Files.writeString(home.resolve(".ssh/config"), "Host *\n  Port 22\n  ServerAliveInterval 30\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = new CliRunner(home).run(args("verify", "--ssh", "--yes", "--json", "--ssh-host", "127.0.0.1",
                "--ssh-port", String.valueOf(server.sshPort())));

        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode ssh = JSON.readTree(r.out()).get("ssh");
        assertThat(ssh.get("port").asInt()).isEqualTo(server.sshPort());
        assertThat(ssh.get("outcome").asText()).isEqualTo("ok");
        before.assertUnchangedExcept(p -> p.equals(".ssh/known_hosts") || p.startsWith(".local"));
    }

    @Test
    void aKeyPathThatWouldBreakTheBlockIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path home = newHome();
        Path key = home.resolve("k\nProxyCommand touch " + PWNED);
        var created = new CliRunner(home).run(args("ssh-key", "create", "--file", key.toString()));
        assertThat(created.exitCode()).as(created.all()).isZero();
        FileTreeSnapshot before = FileTreeSnapshot.of(home);
        var r = cli(home).run(args("ssh-key", "configure", "--yes", "--file", key.toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains("cannot be written into ~/.ssh/config safely");
        before.assertUnchanged();
    }

    @Test
    void aCloneUrlOfAnotherOriginFromTheApiNeverGetsTheToken() throws Exception {
        Path home = newHome();
        try (ServerSocket other = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = new Thread(() -> {
                while (!other.isClosed()) {
                    try (Socket s = other.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            listener.setDaemon(true);
            listener.start();
            // Same host, another port: another origin.
            server.state().overrideHttpUrl("https://127.0.0.1:" + other.getLocalPort() + "/group/project-one.git");
            FileTreeSnapshot before = FileTreeSnapshot.of(home);
            var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run(args("setup", "--method",
                    "https", "--yes", "--credential-helper", "cache"));
            assertThat(r.all()).contains("not this instance's address", "not tried with your token");
            assertThat(r.exitCode()).as(r.all()).isZero();
            assertThat(connections.get()).as("connections to the other origin").isZero();
            before.assertUnchangedExcept(p -> p.equals(".gitconfig") || p.startsWith(".local") || p.startsWith(".cache")
                    || p.startsWith(".git-credential-cache") || p.equals(".config") || p.startsWith(".config/git"));
        }
    }

    /** The config's own Host patterns made concrete (wildcards filled in), plus a few unrelated hosts. */
    private static List<String> otherHosts(String config) {
        List<String> hosts = new ArrayList<>(List.of("github.com", "gitlab.com", "build-a", "build-b", "work",
                "gitlab.corp", "x.corp", "[x", "gitlab.work.example"));
        for (String line : config.split("\n")) {
            String t = line.strip();
            if (t.regionMatches(true, 0, "Host ", 0, 5)) {
                for (String p : HostPatterns.words(t.substring(5))) {
                    String h = p.replace("!", "").replace("*", "any").replace("?", "1");
                    if (!h.contains(" ") && !h.contains("{")) {
                        hosts.add(h);
                    }
                }
            }
        }
        hosts.removeIf(h -> h.equals("127.0.0.1"));
        return hosts.stream().distinct().toList();
    }

    private static Map<String, String> sshG(Path home, List<String> hosts) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String h : hosts) {
            var r = Processes.run(null, Map.of("HOME", home.toString()), null,
                    List.of("ssh", "-G", "-F", home.resolve(".ssh/config").toString(), h));
            out.put(h, r.exitCode() + "\n" + r.stdout());
        }
        return out;
    }
}
