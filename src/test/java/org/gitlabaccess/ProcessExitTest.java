package org.gitlabaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessExitTest {
    @TempDir
    Path home;

    @Test
    void aUserThreadStillRunningOrAFailureCodeEndTheProcessThroughSystemExit() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread user = new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "still-working");
        user.start();
        try {
            assertThat(ProcessExit.otherUserThreadAlive()).isTrue();
            assertThat(ProcessExit.byReturning(0)).isFalse();
        } finally {
            release.countDown();
            user.join();
        }
        assertThat(ProcessExit.byReturning(1)).isFalse();
        assertThat(ProcessExit.byReturning(2)).isFalse();
    }

    @Test
    void aCommandInAJvmOfItsOwnEndsWithItsExitCodeAndAllItsOutput() throws Exception {
        Path empty = Files.createDirectories(home.resolve("src"));
        Processes.Result ok = child("repos", "scan", empty.toString());
        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).endsWith("Found 0 repositories in 1 directories (GitLab host gitlab.com).\n");

        Processes.Result json = child("--json", "repos", "scan", empty.toString());
        assertThat(json.exitCode()).as(json.stderr()).isZero();
        assertThat(json.stdout().strip()).startsWith("{").endsWith("}");

        Processes.Result usage = child("frobnicate");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.stderr()).contains("frobnicate");
    }

    private Processes.Result child(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.gitlabaccess.Main"));
        command.addAll(List.of(args));
        // An empty value removes the variable: nothing of the machine's own configuration reaches the child.
        return Processes.run(home, Map.of("HOME", home.toString(), "LANG", "C.UTF-8", "XDG_CONFIG_HOME", "",
                "GITLAB_TOKEN", ""), "", command);
    }
}
