package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.GitRepos;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product run as a user runs it (its own JVM, the token in {@code GITLAB_TOKEN}, a repository
 * whose remote embeds a token, a key passphrase in a file, an ssh-agent), under
 * {@code strace -f -e trace=execve}: every program it or its children start is seen with its full
 * arguments and environment, and none may hold a token, a password or the passphrase. Only the
 * product's own start is exempt: {@code GITLAB_TOKEN} is how the user hands it the token.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChildProcessSecretsTest {
    private static final String PASSPHRASE = "pass-Phrase-4711-monitored";
    private static final Pattern EXECVE = Pattern.compile("^(\\d+)\\s+execve\\(\"([^\"]*)\", \\[(.*?)\\], \\[(.*)\\]");
    private static final List<String> SECRETS = List.of(Seed.API_TOKEN, Seed.READ_REPOSITORY_TOKEN,
            Seed.WRITE_REPOSITORY_TOKEN, Seed.READ_USER_TOKEN, Seed.EXPIRED_TOKEN, Seed.ALICE_PASSWORD, PASSPHRASE);

    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Path home;
    static Process agent;
    static Path agentSocket;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Processes.available("strace") && Processes.available("git") && Processes.available("ssh-agent"),
                "strace, git and ssh-agent are needed (CI installs them)");
        assumeTrue(Processes.run(null, Map.of(), null, List.of("strace", "-f", "-e", "trace=execve", "-o", "/dev/null",
                "true")).exitCode() == 0, "strace may trace here");
        server = GitLabTestServer.start(dir.resolve("server"));
        home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n");
        GitRepos git = new GitRepos(home);
        Path one = git.init(home.resolve("src/one"));
        git.remote(one, "origin", "https://alice:" + Seed.READ_REPOSITORY_TOKEN + "@"
                + server.baseUrl().substring("https://".length()) + "/" + Seed.PROJECT_ONE + ".git");
        Path two = git.init(home.resolve("src/two"));
        git.remote(two, "origin", "https://oauth2:" + Seed.EXPIRED_TOKEN + "@"
                + server.baseUrl().substring("https://".length()) + "/" + Seed.PROJECT_TWO + ".git");
        Files.writeString(dir.resolve("passphrase"), PASSPHRASE + "\n");
        agentSocket = dir.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", agentSocket.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 50 && !Files.exists(agentSocket); i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (agent != null) {
            agent.destroy();
        }
        if (server != null) {
            server.close();
        }
    }

    /** What one monitored run did: its exit code, output, and every execve after the product's own. */
    record Run(int exitCode, String output, List<Exec> children) {
    }

    record Exec(String program, String argv, String envp) {
    }

    /** Runs the product's CLI in a JVM of its own under strace, with only these variables. */
    private static Run monitored(Map<String, String> variables, String... args) throws Exception {
        Path trace = Files.createTempFile(dir, "trace", ".txt");
        Path output = Files.createTempFile(dir, "out", ".txt");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "--seccomp-bpf", "-q", "-v", "-s", "65536",
                "-e", "trace=execve", "-o", trace.toString(), java, "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.gitlabaccess.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--host", server.baseUrl(), "--ca-file", server.caFile().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"), "LANG", "C.UTF-8",
                "SSH_AUTH_SOCK", agentSocket.toString()));
        pb.environment().putAll(variables);
        Process strace = pb.start();
        waitForProduct(strace);
        int code = exitCodeOfProduct(trace);
        List<Exec> execs = new ArrayList<>();
        for (String line : Files.readAllLines(trace)) {
            Matcher m = EXECVE.matcher(line);
            if (m.find()) {
                execs.add(new Exec(m.group(2), m.group(3), m.group(4)));
            }
        }
        assertThat(execs).as("the product's own start was seen").isNotEmpty();
        assertThat(execs.get(0).program()).endsWith("java");
        return new Run(code, Files.readString(output), execs.subList(1, execs.size()));
    }

    /**
     * Waits for the product's JVM; a credential-cache daemon it started may outlive it (strace waits for
     * every traced process), so that one is told to exit once the JVM is gone.
     */
    private static void waitForProduct(Process strace) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!strace.waitFor(500, TimeUnit.MILLISECONDS)) {
            boolean jvmAlive = strace.children().anyMatch(p -> p.info().command().orElse("").endsWith("java"));
            if (!jvmAlive) {
                Processes.run(home, Map.of("HOME", home.toString()), null, List.of("git", "credential-cache", "exit"));
            }
            if (System.nanoTime() > deadline) {
                strace.descendants().forEach(ProcessHandle::destroyForcibly);
                strace.destroyForcibly();
                throw new AssertionError("the monitored run did not finish");
            }
        }
    }

    /** The JVM's exit status, from strace's record of the first process. */
    private static int exitCodeOfProduct(Path trace) throws IOException {
        List<String> lines = Files.readAllLines(trace);
        String first = lines.get(0).split("\\s+")[0];
        for (String line : lines) {
            Matcher m = Pattern.compile("^" + first + "\\s+\\+\\+\\+ exited with (\\d+) \\+\\+\\+").matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return -1;
    }

    /**
     * The JDK starts each child through its own {@code jspawnhelper}, which is executed with the JVM's
     * unchanged environment (the product's own start, {@code GITLAB_TOKEN} included) and then executes
     * the child with the environment the product built. Its arguments are checked, its environment is
     * the JVM's and so exempt like the product's own start; the child after it is checked in full.
     */
    private static boolean jdkLaunchStage(Exec e) {
        return e.program().endsWith("/jspawnhelper");
    }

    private static void assertNoSecretIn(Run run) {
        for (Exec e : run.children()) {
            for (String secret : SECRETS) {
                assertThat(e.argv()).as("arguments of %s", e.program()).doesNotContain(secret);
                if (!jdkLaunchStage(e)) {
                    assertThat(e.envp()).as("environment of %s %s", e.program(), e.argv()).doesNotContain(secret);
                }
            }
            if (!jdkLaunchStage(e)) {
                assertThat(e.envp()).as("environment of %s", e.program()).doesNotContain("GITLAB_TOKEN");
            }
        }
        for (String secret : SECRETS) {
            assertThat(run.output()).doesNotContain(secret);
        }
    }

    private static boolean ran(Run run, String argvPart) {
        return run.children().stream().anyMatch(e -> e.argv().contains(argvPart));
    }

    @Test
    @Order(1)
    void verifyOverHttpsOfRemotesWithEmbeddedTokens() throws Exception {
        Run run = monitored(Map.of("GITLAB_TOKEN", Seed.API_TOKEN), "verify", "--https", home.resolve("src").toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        // One remote's token works, the other's has expired: both were tried by the real git.
        assertThat(run.output()).contains("git ls-remote works").contains("expired");
        assertThat(ran(run, "\"ls-remote\"")).as("git ls-remote ran").isTrue();
        assertThat(ran(run, "credential.helper") || run.children().stream()
                .anyMatch(e -> e.envp().contains("GIT_CONFIG_KEY_1=credential.helper"))).isTrue();
        assertNoSecretIn(run);
    }

    @Test
    @Order(2)
    void doctorScan() throws Exception {
        Run run = monitored(Map.of("GITLAB_TOKEN", Seed.API_TOKEN), "doctor", "--scan", home.resolve("src").toString());
        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("remote-embedded-credentials");
        assertThat(ran(run, "\"--version\"")).as("git --version ran").isTrue();
        assertNoSecretIn(run);
    }

    @Test
    @Order(3)
    void setupOverHttpsWithTheCredentialCache() throws Exception {
        Run run = monitored(Map.of("GITLAB_TOKEN", Seed.WRITE_REPOSITORY_TOKEN), "setup", "--method", "https", "--yes",
                "--credential-helper", "cache", "--scan", home.resolve("src").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(ran(run, "\"approve\"")).as("git credential approve ran").isTrue();
        assertNoSecretIn(run);
    }

    @Test
    @Order(4)
    void setupOverSshWithAPassphraseAndAnAgent() throws Exception {
        Run run = monitored(Map.of("GITLAB_TOKEN", Seed.API_TOKEN), "setup", "--method", "ssh", "--yes",
                "--key-passphrase-file", dir.resolve("passphrase").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.children()).as("ssh-add ran").anyMatch(e -> e.program().endsWith("ssh-add")
                && !e.argv().contains("\"-l\""));
        assertNoSecretIn(run);
    }

    @Test
    @Order(5)
    void verifyOverSshWithThePassphrase() throws Exception {
        Run run = monitored(Map.of("GITLAB_TOKEN", Seed.API_TOKEN), "verify", "--ssh", "--key-passphrase-file",
                dir.resolve("passphrase").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Welcome");
        assertNoSecretIn(run);
    }

    /** The monitor sees what it must: a secret planted in a child's environment on purpose is found. */
    @Test
    @Order(6)
    void theMonitorWouldSeeASecretInAChild() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("GITLAB_TOKEN", Seed.API_TOKEN);
        // GIT_-prefixed variables are passed to git by design: one holding a token shows the monitor works.
        env.put("GIT_TRACE_MARKER", Seed.READ_USER_TOKEN);
        Run run = monitored(env, "doctor");
        assertThat(run.children()).anyMatch(e -> !jdkLaunchStage(e) && e.envp().contains(Seed.READ_USER_TOKEN));
        assertThat(run.children()).noneMatch(e -> !jdkLaunchStage(e) && e.envp().contains(Seed.API_TOKEN));
    }
}
