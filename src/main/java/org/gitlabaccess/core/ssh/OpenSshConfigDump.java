package org.gitlabaccess.core.ssh;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gitlabaccess.core.io.ExecutablePath;

/**
 * Runs {@code ssh -G} and reads its {@code key value} lines: OpenSSH's own answer for a host, with
 * {@code Match}, {@code Include} and canonicalisation applied. The child gets a minimal environment
 * (no token can reach it) and no terminal; a {@code Match exec} that hangs is cut off by the timeout.
 */
final class OpenSshConfigDump {
    static final String NOT_STARTED = "ssh -G could not be started";
    private static final int MAX_OUTPUT = 256 * 1024;
    private static final List<String> PASSED_VARIABLES = List.of("PATH", "USER", "LOGNAME", "SSH_AUTH_SOCK",
            "SystemRoot", "USERPROFILE");

    private final Path ssh;
    private final long timeoutMillis;

    OpenSshConfigDump(Path ssh, long timeoutMillis) {
        this.ssh = ssh;
        this.timeoutMillis = timeoutMillis;
    }

    /** What {@code ssh -G} printed, or OpenSSH's message when it refused the configuration. */
    record Result(Map<String, List<String>> values, Optional<String> refusal) {
        String first(String key) {
            List<String> v = values.getOrDefault(key, List.of());
            return v.isEmpty() ? null : v.get(0);
        }

        List<String> all(String key) {
            return values.getOrDefault(key, List.of());
        }
    }

    /**
     * @param configFile {@code -F} file (a sandbox home's config, or {@code none}); empty for OpenSSH's own choice
     * @param home the child's {@code HOME} ({@code Include ~/...} follows it)
     */
    Result run(Optional<String> configFile, Path home, Map<String, String> environment, String alias,
               Optional<Integer> port, Optional<String> hostName, String user) {
        List<String> command = new ArrayList<>(List.of(ssh.toString(), "-G"));
        configFile.ifPresent(f -> command.addAll(List.of("-F", f)));
        command.addAll(List.of("-l", user));
        port.ifPresent(p -> command.addAll(List.of("-p", String.valueOf(p))));
        hostName.ifPresent(h -> command.addAll(List.of("-o", "HostName=" + h)));
        command.add("--");
        command.add(alias);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        for (String name : PASSED_VARIABLES) {
            String v = environment.get(name);
            if (v != null) {
                pb.environment().put(name, name.equals("PATH") ? ExecutablePath.absoluteEntries(v) : v);
            }
        }
        pb.environment().put("HOME", home.toString());
        pb.environment().put("LC_ALL", "C");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return refused(NOT_STARTED + ": " + e.getMessage());
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return refused("ssh -G " + alias + " did not answer within " + timeoutMillis / 1000
                        + " s (a Match exec command that does not end?)");
            }
            String stdout = out.get(timeoutMillis, TimeUnit.MILLISECONDS);
            String stderr = err.get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (p.exitValue() != 0) {
                return refused(message(stderr, p.exitValue()));
            }
            return new Result(parse(stdout), Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return refused("ssh -G was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            return refused("the output of ssh -G could not be read");
        }
    }

    /** {@code key value...} per line; a key that repeats (identityfile) keeps every value in order. */
    static Map<String, List<String>> parse(String stdout) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : stdout.split("\r?\n")) {
            int space = line.indexOf(' ');
            if (space <= 0) {
                continue;
            }
            values.computeIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(space + 1));
        }
        return values;
    }

    /** OpenSSH's lines, without the noise a missing terminal adds, on one line. */
    private static String message(String stderr, int code) {
        List<String> lines = new ArrayList<>();
        for (String line : stderr.split("\r?\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("Pseudo-terminal")) {
                lines.add(t);
            }
        }
        String text = lines.isEmpty() ? "ssh -G ended with exit code " + code : String.join("; ", lines);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    private static Result refused(String message) {
        return new Result(Map.of(), Optional.of(message));
    }

    private static String read(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(OutputStream.nullOutputStream()); // drained, so the child never blocks on a full pipe
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
