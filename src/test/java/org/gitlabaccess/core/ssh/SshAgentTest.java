package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding keys to a real ssh-agent, with the passphrase through a pipe. */
class SshAgentTest {
    @TempDir
    Path dir;

    @Test
    void addsPlainAndProtectedKeysAndSaysWhenNoAgentRuns() throws Exception {
        assumeTrue(Processes.available("ssh-agent") && Processes.available("ssh-add"));
        Path socket = dir.resolve("agent.sock");
        var agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 50 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            Map<String, String> vars = new HashMap<>(Map.of("PATH", System.getenv("PATH"), "HOME", dir.toString(),
                    "SSH_AUTH_SOCK", socket.toString()));
            Environment env = new Environment(vars, new Properties());
            SshKey plain = SshKeyFiles.create(dir.resolve("plain"), "plain", null);
            SshKey locked = SshKeyFiles.create(dir.resolve("locked"), "locked", Secret.exact(" spaced phrase "));
            SshAgent sshAgent = new SshAgent(env);
            assertThat(sshAgent.running()).isTrue();
            assertThat(sshAgent.add(plain.privateKeyFile(), null)).isEqualTo(SshAgent.Result.ADDED);
            assertThat(sshAgent.add(locked.privateKeyFile(), Secret.exact("wrong"))).isEqualTo(SshAgent.Result.FAILED);
            assertThat(sshAgent.add(locked.privateKeyFile(), Secret.exact(" spaced phrase ")))
                    .isEqualTo(SshAgent.Result.ADDED);
            var listed = Processes.run(dir, vars, "ssh-add", "-l");
            assertThat(listed.stdout()).contains(plain.fingerprint()).contains(locked.fingerprint());

            vars.remove("SSH_AUTH_SOCK");
            assertThat(new SshAgent(new Environment(vars, new Properties())).add(plain.privateKeyFile(), null))
                    .isEqualTo(SshAgent.Result.NO_AGENT);
        } finally {
            agent.destroy();
        }
    }

    /** ssh-add is the one the environment's PATH names, as git and ssh are, not the JVM's. */
    @Test
    void sshAddIsFoundOnTheEnvironmentsPathOnly() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path ran = dir.resolve("ran");
        Path fake = bin.resolve("ssh-add");
        Files.writeString(fake, "#!/bin/sh\n: > '" + ran + "'\nexit 1\n");
        assumeTrue(fake.toFile().setExecutable(true));
        SshAgent onItsPath = new SshAgent(new Environment(Map.of("PATH", ":" + bin, "HOME", dir.toString(),
                "SSH_AUTH_SOCK", dir.resolve("none").toString()), new Properties()));
        assertThat(onItsPath.running()).isTrue(); // the fake answers 1: an agent without keys
        assertThat(ran).exists();
    }
}
