package org.gitlabaccess.core.credentials;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;

/**
 * The docker command line, for the fixes a finding offers: {@code docker login REGISTRY -u USER
 * --password-stdin} with the token on stdin (never an argument), and {@code docker logout REGISTRY}.
 * Docker then writes its own file (or its credsStore) as it always does.
 */
public final class DockerCli {
    /** What docker said; the output is redacted. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Environment env;
    private final Path docker;

    private DockerCli(Environment env, Path docker) {
        this.env = env;
        this.docker = docker;
    }

    /** The docker CLI on the environment's PATH, if there is one. */
    public static Optional<DockerCli> find(Environment env) {
        return ExecutablePath.of(env, "docker").map(p -> new DockerCli(env, p));
    }

    public Result login(String registry, String username, Secret token) {
        return run(List.of("login", registry, "-u", username, "--password-stdin"), token.reveal() + "\n");
    }

    public Result logout(String registry) {
        return run(List.of("logout", registry), null);
    }

    private Result run(List<String> args, String stdin) {
        List<String> command = new ArrayList<>();
        command.add(docker.toString());
        command.addAll(args);
        try {
            ProcessBuilder pb = (stdin == null ? ChildProcesses.withoutInput(env, command, Map.of())
                    : ChildProcesses.builder(env, command)).redirectErrorStream(true);
            Process p = pb.start();
            var out = CompletableFuture.supplyAsync(() -> {
                try (var in = p.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (stdin != null) {
                try (OutputStream in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // docker exited early; its exit code tells.
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "docker did not finish in 120 s");
            }
            return new Result(p.exitValue(), Redactor.redact(out.get(10, TimeUnit.SECONDS).strip()));
        } catch (IOException | ExecutionException | TimeoutException e) {
            return new Result(-1, Redactor.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }
}
