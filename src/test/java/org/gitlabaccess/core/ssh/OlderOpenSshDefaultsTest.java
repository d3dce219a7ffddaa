package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSSH 8.2's defaults put ECDSA before Ed25519. An ssh of that age, with no HostKeyAlgorithms
 * configured, still offers the key types known for the host first: the product must too, or it
 * negotiates ECDSA where ssh negotiates the recorded Ed25519 key, and calls a good host "changed".
 * The ssh here is a stand-in that prints what OpenSSH 8.2's {@code ssh -G} prints.
 */
class OlderOpenSshDefaultsTest {
    private static final String OPENSSH_82 = String.join(",", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
            "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
            "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ssh-ed25519-cert-v01@openssh.com",
            "sk-ssh-ed25519-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
            "ssh-rsa-cert-v01@openssh.com", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ecdsa-sha2-nistp256@openssh.com", "ssh-ed25519", "sk-ssh-ed25519@openssh.com", "rsa-sha2-512",
            "rsa-sha2-256", "ssh-rsa");

    @TempDir
    Path dir;

    /** An ssh that prints 8.2's defaults with -F none, and {@code configured} (or the defaults) otherwise. */
    private Path fakeSsh(String configured) throws IOException {
        Path ssh = dir.resolve("ssh");
        Files.writeString(ssh, "#!/bin/sh\n"
                + "case \" $* \" in *\" -F none \"*) list='" + OPENSSH_82 + "' ;; *) list='" + configured + "' ;; esac\n"
                + "printf 'user git\\nhostname gitlab.example.com\\nport 22\\nhostkeyalgorithms %s\\n' \"$list\"\n");
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        return ssh;
    }

    private SshConfigLookup.Effective resolve(String configured) throws IOException {
        assumeTrue(File.separatorChar == '/', "a shell script stands in for ssh");
        Path home = Files.createDirectories(dir.resolve("home"));
        return new SshConfigLookup(home, home, Optional.of(fakeSsh(configured)), Map.of(), "alice")
                .resolve("gitlab.example.com", 22, false);
    }

    @Test
    void unconfiguredListsOfAnOlderSshAreReorderedByTheKnownKeyTypes() throws IOException {
        SshConfigLookup.Effective e = resolve(OPENSSH_82);
        assertThat(e.reordersHostKeyAlgorithms()).isTrue();
        assertThat(HostKeyAlgorithms.offered(e.hostKeyAlgorithms(), e.reordersHostKeyAlgorithms(), Set.of("ssh-ed25519")))
                .startsWith("ssh-ed25519");
    }

    @Test
    void anAppendedAlgorithmKeepsTheReordering() throws IOException {
        assertThat(resolve(OPENSSH_82 + ",ssh-dss").reordersHostKeyAlgorithms()).isTrue();
    }

    @Test
    void anExplicitListIsOfferedAsWritten() throws IOException {
        SshConfigLookup.Effective e = resolve("ecdsa-sha2-nistp256,ssh-ed25519");
        assertThat(e.reordersHostKeyAlgorithms()).isFalse();
        assertThat(HostKeyAlgorithms.offered(e.hostKeyAlgorithms(), e.reordersHostKeyAlgorithms(), Set.of("ssh-ed25519")))
                .isEqualTo(List.of("ecdsa-sha2-nistp256", "ssh-ed25519"));
    }
}
