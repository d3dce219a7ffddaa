package org.gitlabaccess.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.gitlab.SshKeyUploader;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.KnownHosts;
import org.gitlabaccess.core.ssh.SshAccessCheck;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;

/**
 * One SSH verification, warm, against the test server on loopback: this product's check (MINA,
 * one started client) versus the real {@code ssh -T}. Prints the medians and the ratio.
 * Run: src/test/bench/run.sh org.gitlabaccess.bench.SshVerifyBenchmark [runs]
 */
public final class SshVerifyBenchmark {
    private SshVerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path dir = Files.createTempDirectory("ssh-bench");
        try (GitLabTestServer server = GitLabTestServer.start(dir.resolve("server"))) {
            Path home = Files.createDirectories(dir.resolve("home"));
            SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_bench"), "bench", null);
            HttpSettings http = new HttpSettings(new Environment(Map.of(), new Properties()), List.of(server.caFile()));
            new SshKeyUploader().upload(new GitLabClient(http, server.baseUrl(), Secret.of(Seed.API_TOKEN)), key,
                    "bench", LocalDate.now().plusDays(10));
            SshEndpoint endpoint = SshEndpoint.of(server.sshHost(), server.sshPort());
            List<Long> ours = new ArrayList<>();
            try (SshAccessCheck check = new SshAccessCheck(HostKeyDecision.ACCEPT,
                    Duration.ofSeconds(10))) {
                for (int i = 0; i < runs + 5; i++) {
                    long t = System.nanoTime();
                    var r = check.greet(SshConfigLookup.forEndpoint(home, endpoint), key.privateKeyFile(), null);
                    long elapsed = System.nanoTime() - t;
                    if (!r.ok()) {
                        throw new IllegalStateException(r.toString());
                    }
                    if (i >= 5) {
                        ours.add(elapsed);
                    }
                }
            }
            List<Long> openssh = new ArrayList<>();
            List<String> cmd = List.of("ssh", "-F", "/dev/null", "-p", String.valueOf(server.sshPort()), "-i",
                    key.privateKeyFile().toString(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile="
                            + home.resolve(".ssh/known_hosts"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                    "-T", "git@" + server.sshHost());
            for (int i = 0; i < runs + 5; i++) {
                long t = System.nanoTime();
                var r = Processes.run(home, Map.of("HOME", home.toString()), null, cmd);
                long elapsed = System.nanoTime() - t;
                if (r.exitCode() != 0) {
                    throw new IllegalStateException(r.all());
                }
                if (i >= 5) {
                    openssh.add(elapsed);
                }
            }
            double a = median(ours) / 1e6;
            double b = median(openssh) / 1e6;
            System.out.printf("runs=%d  gitlab-access (MINA, warm) median %.1f ms  |  OpenSSH ssh -T median %.1f ms"
                    + "  |  ratio %.2f%n", runs, a, b, a / b);
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }
}
