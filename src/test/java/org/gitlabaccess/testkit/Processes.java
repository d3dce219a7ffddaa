package org.gitlabaccess.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git}, {@code ssh} and {@code ssh-keygen} for interoperability checks. */
public final class Processes {
    private Processes() {
    }

    /** What a process did. */
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }
    }

    public static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command with these variables added (an empty value removes one) and waits for it. */
    public static Result run(Path dir, Map<String, String> env, String stdin, List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        // An empty value removes the variable: this machine sets GIT_SSL_CAINFO and the like, which
        // would hide git's per-host CA setting from a test that means to exercise it.
        env.forEach((k, v) -> {
            if (v.isEmpty()) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public static Result run(Path dir, Map<String, String> env, String... command) throws IOException {
        return run(dir, env, null, List.of(command));
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
