package org.gitlabaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
        Child ok = child("repos", "scan", empty.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out()).endsWith("Found 0 repositories in 1 directories (GitLab host gitlab.com).\n");

        Child json = child("--json", "repos", "scan", empty.toString());
        assertThat(json.exitCode()).as(json.err()).isZero();
        assertThat(json.out().strip()).startsWith("{").endsWith("}");

        Child usage = child("frobnicate");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("frobnicate");
    }

    private record Child(int exitCode, String out, String err) {
    }

    private Child child(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "org.gitlabaccess.Main"));
        command.addAll(List.of(args));
        Path out = home.resolve("child.out");
        Path err = home.resolve("child.err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"), "LANG", "C.UTF-8"));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
