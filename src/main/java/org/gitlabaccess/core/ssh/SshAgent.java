package org.gitlabaccess.core.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.SecretPipe;
import org.gitlabaccess.core.io.Secret;

/**
 * The user's ssh-agent, through the real {@code ssh-add}: is one running, and adding the key so
 * git does not ask for the passphrase at every push. A passphrase reaches ssh-add through a
 * {@link SecretPipe} read by an askpass helper: never a file on disk, an argument or an environment
 * variable.
 */
public final class SshAgent {
    /** What adding the key came to. */
    public enum Result implements WireId {
        ADDED, NO_AGENT, NO_SSH_ADD, FAILED;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    private final Environment env;

    public SshAgent(Environment env) {
        this.env = env;
    }

    /** True when an agent answers ({@code ssh-add -l} exits 0 or 1; 2 means no agent). */
    public boolean running() {
        try {
            return run(List.of("ssh-add", "-l"), Map.of(), null) != 2;
        } catch (IOException e) {
            return false;
        }
    }

    public Result add(Path privateKey, Secret passphrase) {
        if (!running()) {
            return Result.NO_AGENT;
        }
        try {
            if (passphrase == null || passphrase.isEmpty()) {
                return run(List.of("ssh-add", privateKey.toString()), Map.of("SSH_ASKPASS_REQUIRE", "never"), null) == 0
                        ? Result.ADDED : Result.FAILED;
            }
            return addWithPassphrase(privateKey, passphrase);
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().contains("ssh-add") ? Result.NO_SSH_ADD : Result.FAILED;
        }
    }

    private Result addWithPassphrase(Path privateKey, Secret passphrase) throws IOException {
        if (env.isWindows()) {
            return Result.FAILED;
        }
        byte[] answer = (passphrase.reveal() + "\n").getBytes(StandardCharsets.UTF_8);
        try (SecretPipe pipe = SecretPipe.open(env, answer)) {
            // Answers once: a wrong passphrase makes ssh-add ask again, and should fail rather than retry.
            Path used = pipe.directory().resolve("used");
            Path askpass = pipe.directory().resolve("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\n[ -e '" + used + "' ] && exit 1\n: > '" + used + "'\n"
                    + pipe.readCommand() + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            int code = run(List.of("ssh-add", privateKey.toString()), Map.of("SSH_ASKPASS", askpass.toString(),
                    "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", env.variable("DISPLAY").orElse(":0")), null);
            return code == 0 ? Result.ADDED : Result.FAILED;
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    private int run(List<String> command, Map<String, String> extra, String stdin) throws IOException {
        ProcessBuilder pb = ChildProcesses.withoutInput(env, command, extra).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("ssh-add is not installed", e);
        }
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
