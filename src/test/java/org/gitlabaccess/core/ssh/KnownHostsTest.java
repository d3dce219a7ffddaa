package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording a new key: where, in which form, and where never. */
class KnownHostsTest {
    private static final SshEndpoint HOST = SshEndpoint.of("gitlab.example.com", 2222);

    @TempDir
    Path dir;

    private static KeyPair key() throws Exception {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    @Test
    void aNewKeyGoesToTheFirstUserFileHashedWhenAskedAndIsFoundThereAfterwards() throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Files.writeString(second, "# kept\n");
        KnownHosts hosts = new KnownHosts(List.of(first, second), first, true);
        KeyPair k = key();

        assertThat(hosts.record(HOST, k.getPublic(), new AtomicFile())).isTrue();

        String line = Files.readString(first);
        assertThat(line).startsWith("|1|").doesNotContain("gitlab.example.com")
                .endsWith(" " + PublicKeyEntry.toString(k.getPublic()) + "\n");
        assertThat(Files.readString(second)).isEqualTo("# kept\n");
        assertThat(hosts.check(HOST, k.getPublic()).status()).isEqualTo(KnownHosts.Status.KNOWN);
        assertThat(hosts.check(SshEndpoint.of("gitlab.example.com", 22), k.getPublic()).status())
                .isEqualTo(KnownHosts.Status.UNKNOWN);
        assertThat(hosts.record(HOST, k.getPublic(), new AtomicFile())).isFalse();
    }

    @Test
    void aKeyKnownOnlyFromTheGlobalFileIsKnownAndNothingIsWritten() throws Exception {
        KeyPair k = key();
        Path global = dir.resolve("ssh_known_hosts");
        Files.writeString(global, HOST.knownHostsName() + " " + PublicKeyEntry.toString(k.getPublic()) + "\n");
        Path user = dir.resolve("known_hosts");
        KnownHosts hosts = new KnownHosts(List.of(user, global), user, false);

        assertThat(hosts.check(HOST, k.getPublic()).entries()).extracting(KnownHosts.Entry::where)
                .containsExactly(global + ":1");
        assertThat(hosts.record(HOST, k.getPublic(), new AtomicFile())).isFalse();
        assertThat(user).doesNotExist();
    }

    @Test
    void aChangedKeyIsNeverRecorded() throws Exception {
        Path user = dir.resolve("known_hosts");
        Files.writeString(user, HOST.knownHostsName() + " " + PublicKeyEntry.toString(key().getPublic()) + "\n");
        KnownHosts hosts = new KnownHosts(List.of(user), user, false);
        KeyPair other = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);

        assertThat(hosts.check(HOST, other.getPublic()).status()).isEqualTo(KnownHosts.Status.CHANGED);
        assertThatThrownBy(() -> hosts.record(HOST, other.getPublic(), new AtomicFile()))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * {@code UserKnownHostsFile /dev/null}: stood in for by a FIFO here (neither a regular file nor a
     * directory, as the device is), so a regression cannot replace this machine's /dev/null.
     */
    @Test
    void aDeviceAsUserKnownHostsFileKeepsNoRecordAndIsNotReplaced() throws Exception {
        Path device = dir.resolve("null-device");
        var mkfifo = Processes.run(dir, Map.of(), "mkfifo", device.toString());
        assumeTrue(mkfifo.exitCode() == 0, "mkfifo");
        KnownHosts hosts = new KnownHosts(List.of(device), device, false);

        assertThat(hosts.check(HOST, key().getPublic()).status()).isEqualTo(KnownHosts.Status.UNKNOWN);
        assertThat(hosts.record(HOST, key().getPublic(), new AtomicFile())).isFalse();
        assertThat(Files.isRegularFile(device)).isFalse();
        assertThat(Files.exists(device)).isTrue();
    }

    @Test
    void aDirectoryWhereTheFileShouldBeIsALocalFilesProblem() throws Exception {
        Path user = Files.createDirectories(dir.resolve("known_hosts"));
        KnownHosts hosts = new KnownHosts(List.of(user), user, false);

        assertThatThrownBy(() -> hosts.record(HOST, key().getPublic(), new AtomicFile()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.reason()).isEqualTo("known-hosts-unwritable"));
        assertThat(Files.isDirectory(user)).isTrue();
    }
}
