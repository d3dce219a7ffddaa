package org.gitlabaccess.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestProject;

/**
 * {@code setup --method ssh} on a home with N clones whose remotes embed a token, against the seed
 * guide's manual procedure as a script (src/test/bench/manual-ssh-setup.sh), each on a fresh copy of
 * the same home, in interleaved rounds; then {@code verify --ssh} against {@code ssh -T} with the same
 * key. Both sides are separate processes. Prints the medians and the ratios.
 * Run: src/test/bench/setup-scale.sh [clones] [rounds] (LAUNCHER=/path/to/gitlab-access for an
 * installed launcher instead of {@code java -jar target/gitlab-access.jar}).
 */
public final class SetupScaleBenchmark {
    private SetupScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clones = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String launcher = System.getenv("LAUNCHER");
        List<String> product = launcher != null ? List.of(launcher)
                : List.of("java", "-jar", Path.of("target/gitlab-access.jar").toAbsolutePath().toString());
        Path script = Path.of("src/test/bench/manual-ssh-setup.sh").toAbsolutePath();
        Path dir = Files.createTempDirectory("setup-scale");
        try (GitLabTestServer server = GitLabTestServer.start(dir.resolve("server"))) {
            Path template = template(server, dir.resolve("template"), clones);
            Path header = dir.resolve("token-header");
            Files.writeString(header, "PRIVATE-TOKEN: " + Seed.API_TOKEN + "\n");
            Files.setPosixFilePermissions(header, PosixFilePermissions.fromString("rw-------"));
            Map<String, String> manualEnv = Map.of("API", server.baseUrl() + "/api/v4", "CA_FILE",
                    server.caFile().toString(), "HEADER_FILE", header.toString(), "SSH_HOST", server.sshHost(),
                    "SSH_PORT", String.valueOf(server.sshPort()));
            List<String> setup = new ArrayList<>(product);
            setup.addAll(List.of("setup", "--method", "ssh", "--yes", "--host", server.baseUrl(), "--ca-file",
                    server.caFile().toString(), "--scan", "SRC"));

            List<Long> manual = new ArrayList<>();
            List<Long> ours = new ArrayList<>();
            Path lastSetupHome = null;
            for (int r = 0; r < rounds; r++) {
                Path manualHome = copy(template, dir.resolve("manual-" + r));
                Path setupHome = copy(template, dir.resolve("setup-" + r));
                Supplier<Long> a = () -> time(manualHome, manualEnv, List.of("bash", script.toString()));
                Supplier<Long> b = () -> time(setupHome, Map.of("GITLAB_TOKEN", Seed.API_TOKEN),
                        setup.stream().map(s -> s.equals("SRC") ? setupHome.resolve("src").toString() : s).toList());
                // Alternate which goes first, so that warm caches favour neither.
                if (r % 2 == 0) {
                    manual.add(a.get());
                    ours.add(b.get());
                } else {
                    ours.add(b.get());
                    manual.add(a.get());
                }
                lastSetupHome = setupHome;
            }
            print("setup --method ssh, " + clones + " clones", "manual script", manual, "gitlab-access setup", ours);

            Path home = lastSetupHome;
            List<String> verify = new ArrayList<>(product);
            verify.addAll(List.of("verify", "--ssh", "--host", server.baseUrl(), "--ca-file",
                    server.caFile().toString()));
            List<String> sshT = List.of("ssh", "-F", home.resolve(".ssh/config").toString(), "-o", "BatchMode=yes",
                    "-o", "UserKnownHostsFile=" + home.resolve(".ssh/known_hosts"), "-p",
                    String.valueOf(server.sshPort()), "-T", "git@" + server.sshHost());
            List<Long> openssh = new ArrayList<>();
            List<Long> verified = new ArrayList<>();
            for (int r = 0; r < rounds * 2 + 2; r++) {
                long t1 = time(home, Map.of(), sshT);
                long t2 = time(home, Map.of("GITLAB_TOKEN", Seed.API_TOKEN), verify);
                if (r >= 2) {
                    openssh.add(t1);
                    verified.add(t2);
                }
            }
            print("verify --ssh", "ssh -T", openssh, "gitlab-access verify --ssh", verified);
        }
    }

    /** A home with N clones of N projects, each remote an HTTPS URL with a token inside. */
    private static Path template(GitLabTestServer server, Path home, int clones) throws IOException {
        Path bare = server.state().project(Seed.PROJECT_ONE).orElseThrow().bareRepository();
        String tokenUrl = server.httpUrl(Seed.PROJECT_ONE).replace("://", "://oauth2:" + Seed.WRITE_REPOSITORY_TOKEN + "@");
        for (int i = 0; i < clones; i++) {
            String project = "bench/repo" + i;
            server.state().addProject(new TestProject(1000 + i, project, "", bare, Set.of(1L)));
            Path clone = home.resolve("src/repo" + i);
            check(Processes.run(home.getParent(), Map.of(), "git", "clone", "-q", bare.toString(), clone.toString()));
            // Written into the file, not given to git on a command line: the token stays off process lists.
            Path config = clone.resolve(".git/config");
            Files.writeString(config, Files.readString(config).replace("url = " + bare,
                    "url = " + tokenUrl.replace(Seed.PROJECT_ONE, project)));
        }
        return home;
    }

    private static Path copy(Path from, Path to) {
        check(run(from.getParent(), Map.of(), List.of("cp", "-a", from.toString(), to.toString())));
        return to;
    }

    /** Wall time of one successful run, in nanoseconds. */
    private static long time(Path home, Map<String, String> extraEnv, List<String> command) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv("PATH"));
        long t = System.nanoTime();
        Processes.Result r = run(home, env, command);
        long elapsed = System.nanoTime() - t;
        check(r);
        return elapsed;
    }

    private static Processes.Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            return Processes.run(dir, env, null, command);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Processes.Result r) {
        if (r.exitCode() != 0) {
            throw new IllegalStateException("failed (" + r.exitCode() + "): " + r.all());
        }
    }

    private static void print(String what, String anchorName, List<Long> anchor, String oursName, List<Long> ours) {
        double a = median(anchor) / 1e9;
        double b = median(ours) / 1e9;
        System.out.printf("%s (%d rounds, medians): %s %.2f s | %s %.2f s | ratio %.2fx%n", what, anchor.size(),
                anchorName, a, oursName, b, b / a);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
