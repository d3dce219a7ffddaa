package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeyFilesTest {
    @TempDir
    Path home;

    @Test
    void createsAnEd25519KeyOwnerOnlyInAPrivateSshDirectory() throws Exception {
        Path key = SshKeyFiles.defaultKeyFile(home, "gitlab.example.com");
        SshKey k = SshKeyFiles.create(key, "alice@laptop gitlab-access 2026-11-22", null);
        assertThat(key.getFileName().toString()).isEqualTo("id_ed25519_gitlab.example.com");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh")))).isEqualTo("rwx------");
        assertThat(Files.readString(k.publicKeyFile())).startsWith("ssh-ed25519 AAAA")
                .endsWith(" alice@laptop gitlab-access 2026-11-22\n");
        assertThat(Files.readString(key)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(k.fingerprint()).startsWith("SHA256:").doesNotEndWith("=");
    }

    @Test
    void neverOverwritesAnExistingKey() throws Exception {
        Path key = home.resolve("id_ed25519");
        Files.writeString(key, "precious");
        assertThatThrownBy(() -> SshKeyFiles.create(key, "c", null)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.reason()).isEqualTo("key-exists"));
        assertThat(Files.readString(key)).isEqualTo("precious");
        assertThat(SshKeyFiles.publicFileOf(key)).doesNotExist();
    }

    @Test
    void realSshKeygenReadsOurKeysWithAndWithoutPassphraseAndAgreesOnTheFingerprint() throws Exception {
        assumeTrue(Processes.available("ssh-keygen"));
        Path plain = home.resolve("plain");
        SshKey p = SshKeyFiles.create(plain, "plain key", null);
        var derived = Processes.run(home, Map.of(), "ssh-keygen", "-y", "-P", "", "-f", plain.toString());
        assertThat(derived.exitCode()).as(derived.all()).isZero();
        assertThat(derived.stdout().trim()).startsWith(p.publicKeyLine().substring(0, p.publicKeyLine().lastIndexOf(' ')));
        var fp = Processes.run(home, Map.of(), "ssh-keygen", "-l", "-E", "sha256", "-f", plain.toString());
        assertThat(fp.stdout()).contains(p.fingerprint());

        Path locked = home.resolve("locked");
        SshKey l = SshKeyFiles.create(locked, "locked key", Secret.of("correct horse battery"));
        assertThat(l.encrypted()).isTrue();
        var wrong = Processes.run(home, Map.of(), "ssh-keygen", "-y", "-P", "not it", "-f", locked.toString());
        assertThat(wrong.exitCode()).isNotZero();
        var right = Processes.run(home, Map.of(), "ssh-keygen", "-y", "-P", "correct horse battery", "-f",
                locked.toString());
        assertThat(right.exitCode()).as(right.all()).isZero();
        assertThat(right.stdout()).contains(l.publicKeyLine().split(" ")[1]);
        // ssh-keygen reports the KDF and cipher of the file: bcrypt and aes256-ctr.
        String header = new String(java.util.Base64.getMimeDecoder().decode(Files.readString(locked)
                .replaceAll("-----[^-]+-----", "")), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(header).contains("aes256-ctr").contains("bcrypt");
    }

    @Test
    void readsKeysMadeByRealSshKeygenIncludingProtectedOnes() throws Exception {
        assumeTrue(Processes.available("ssh-keygen"));
        Path ed = home.resolve("theirs_ed25519");
        Processes.run(home, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "pass phrase", "-C", "theirs", "-f",
                ed.toString());
        assertThatThrownBy(() -> SshKeyFiles.read(ed, null)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.reason()).isEqualTo("key-passphrase-needed"));
        assertThatThrownBy(() -> SshKeyFiles.read(ed, Secret.of("wrong phrase"))).isInstanceOfSatisfying(
                ProblemException.class, p -> assertThat(p.reason()).isEqualTo("key-passphrase-wrong"));
        SshKey k = SshKeyFiles.read(ed, Secret.of("pass phrase"));
        var fp = Processes.run(home, Map.of(), "ssh-keygen", "-l", "-f", ed + ".pub");
        assertThat(fp.stdout()).contains(k.fingerprint());
        assertThat(k.comment()).isEqualTo("theirs");

        Path rsa = home.resolve("theirs_rsa");
        Processes.run(home, Map.of(), "ssh-keygen", "-q", "-t", "rsa", "-b", "2048", "-N", "", "-f", rsa.toString());
        assertThatThrownBy(() -> SshKeyFiles.read(rsa, null)).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.reason()).isEqualTo("key-too-weak"));

        Path ecdsa = home.resolve("theirs_ecdsa");
        Processes.run(home, Map.of(), "ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", "", "-f", ecdsa.toString());
        assertThat(SshKeyFiles.read(ecdsa, null).type()).isEqualTo("ecdsa-sha2-nistp256");
    }
}
