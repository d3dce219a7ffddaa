package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.ssh.KeyFingerprint;
import org.gitlabaccess.core.ssh.SshKey;
import org.gitlabaccess.core.ssh.SshKeyFiles;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host keys a hostile network or a messy known_hosts presents, through the command line
 * ({@code verify --ssh}, {@code doctor}): a man in the middle with a key of another type, a changed
 * or revoked key, with and without {@code --yes}; known_hosts lines OpenSSH skips or applies.
 */
class HostKeyHostileTest {
    private static final String ED25519 = KeyPairProvider.SSH_ED25519;
    private static final String ECDSA = KeyPairProvider.ECDSA_SHA2_NISTP256;
    private static final String RSA = KeyPairProvider.SSH_RSA;

    @TempDir
    static Path dir;
    /** GitLab presenting ed25519, ECDSA and RSA host keys. */
    static GitLabTestServer several;
    /** A man in the middle presenting an ECDSA key only. */
    static GitLabTestServer ecdsaOnly;
    private static int homes;

    @BeforeAll
    static void start() throws IOException {
        several = GitLabTestServer.builder(dir.resolve("several")).hostKeyTypes(ED25519, ECDSA, RSA).start();
        ecdsaOnly = GitLabTestServer.builder(dir.resolve("ecdsa-only")).hostKeyTypes(ECDSA).start();
    }

    @AfterAll
    static void stop() throws IOException {
        several.close();
        ecdsaOnly.close();
    }

    /** A home with an SSH key in the default place for the test host, registered on alice's account if asked. */
    private static Path home(GitLabTestServer server, boolean registered) throws IOException {
        Path home = Files.createDirectories(dir.resolve("home" + (++homes)));
        SshKey key = SshKeyFiles.create(home.resolve(".ssh/id_ed25519_127.0.0.1"), "laptop", null);
        if (registered) {
            server.state().addKey(1, "laptop", key.publicKeyLine(), key.publicKey(),
                    KeyFingerprint.sha256Bare(key.publicKey()), Instant.now().plusSeconds(86400), "auth_and_signing");
        }
        return home;
    }

    private static CliRunner.Result verify(Path home, GitLabTestServer server, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--ssh", "--host", server.baseUrl(), "--ca-file",
                server.caFile().toString(), "--ssh-host", "127.0.0.1", "--ssh-port", String.valueOf(server.sshPort())));
        args.addAll(List.of(extra));
        return new CliRunner(home).run(args.toArray(String[]::new));
    }

    private static Path knownHosts(Path home) {
        return home.resolve(".ssh/known_hosts");
    }

    private static String name(GitLabTestServer server) {
        return "[127.0.0.1]:" + server.sshPort();
    }

    /** A fresh key of the type, as a known_hosts key field, and its fingerprint. */
    private record Foreign(String line, String fingerprint) {
        static Foreign of(String type) throws Exception {
            var pair = KeyUtils.generateKeyPair(type, ECDSA.equals(type) ? 256 : RSA.equals(type) ? 2048 : 256);
            return new Foreign(PublicKeyEntry.toString(pair.getPublic()), KeyFingerprint.sha256(pair.getPublic()));
        }
    }

    @Test
    void aManInTheMiddleWithAKeyOfAnotherTypeIsRefusedEvenWithYes() throws Exception {
        Path home = home(ecdsaOnly, false);
        Foreign realServer = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), name(ecdsaOnly) + " " + realServer.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, ecdsaOnly, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("has changed").contains(realServer.fingerprint())
                .contains(ecdsaOnly.hostKeyFingerprint(ECDSA)).contains(knownHosts(home) + ":1");
        before.assertUnchanged();
    }

    @Test
    void aChangedKeyOfTheSameTypeIsRefusedEvenWithYes() throws Exception {
        Path home = home(several, false);
        Foreign old = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), "# work laptop\n" + name(several) + " " + old.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("has changed").contains(old.fingerprint())
                .contains(several.hostKeyFingerprint(ED25519)).contains(knownHosts(home) + ":2")
                .contains("ssh-keygen -f '" + knownHosts(home) + "' -R '" + name(several) + "'");
        before.assertUnchanged();
    }

    @Test
    void aRevokedKeyIsRefusedEvenWhenAlsoRecordedAsTrusted() throws Exception {
        Path home = home(several, true);
        Files.writeString(knownHosts(home), "@revoked " + several.knownHostsLine(ED25519) + "\n"
                + several.knownHostsLine(ED25519) + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("revoked").contains(several.hostKeyFingerprint(ED25519))
                .contains(knownHosts(home) + ":1");
        before.assertUnchanged();
    }

    @Test
    void aKnownServerOfferingSeveralTypesIsAcceptedWithTheTypeRecorded() throws Exception {
        for (String recorded : List.of(ECDSA, RSA)) {
            Path home = home(several, true);
            Files.writeString(knownHosts(home), several.knownHostsLine(recorded) + "\n");
            FileTreeSnapshot before = FileTreeSnapshot.of(home);

            var r = verify(home, several);

            assertThat(r.exitCode()).as(recorded + ": " + r.all()).isZero();
            assertThat(r.all()).doesNotContain("not known").contains("alice");
            before.assertUnchanged();
        }
    }

    @Test
    void aNewHostWithoutYesIsRefusedAndNothingIsWritten() throws Exception {
        Path home = home(several, true);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("is not known yet").contains(several.hostKeyFingerprint(ED25519)).contains("--yes");
        assertThat(knownHosts(home)).doesNotExist();
        before.assertUnchanged();
    }

    @Test
    void aNewHostWithYesRecordsTheKeyOpenSshNegotiatesFirstAndOpenSshAcceptsIt() throws Exception {
        Path home = home(several, true);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.readString(knownHosts(home))).isEqualTo(several.knownHostsLine(ED25519) + "\n");
        assumeTrue(Processes.available("ssh"));
        var ssh = Processes.run(home, Map.of("HOME", home.toString(), "SSH_AUTH_SOCK", ""), "ssh", "-F", "/dev/null",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts(home),
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "PubkeyAuthentication=no", "-p",
                String.valueOf(several.sshPort()), "git@127.0.0.1", "true");
        assertThat(ssh.all()).contains("Permission denied").doesNotContain("Host key verification failed");
    }

    @Test
    void corruptLinesAmongGoodOnesAreSkippedAsOpenSshSkipsThem() throws Exception {
        Path home = home(several, true);
        Files.writeString(knownHosts(home), "garbage without fields\n" + name(several) + " ssh-ed25519 AAAA!!\n"
                + "@bogus-marker " + several.knownHostsLine(ED25519).substring(name(several).length() + 1) + "\n"
                + name(several) + "\n" + "\u0000\u0001binary\n" + several.knownHostsLine(ED25519) + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several);

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.all()).contains("alice");
        before.assertUnchanged();
    }

    @Test
    void aCorruptLineAloneMakesTheHostNewAndIsKeptByteForByteWhenTheKeyIsRecorded() throws Exception {
        Path home = home(several, true);
        String corrupt = name(several) + " ssh-ed25519 AAAA!!notbase64\r\n";
        Files.writeString(knownHosts(home), corrupt);

        var refused = verify(home, several);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("is not known yet").doesNotContain("has changed");
        assertThat(Files.readString(knownHosts(home))).isEqualTo(corrupt);

        var accepted = verify(home, several, "--yes");
        assertThat(accepted.exitCode()).as(accepted.all()).isZero();
        assertThat(Files.readString(knownHosts(home))).isEqualTo(corrupt + several.knownHostsLine(ED25519) + "\n");
    }

    @Test
    void aKnownHostsDirectoryIsReadAsEmptyAndNeverWritten() throws Exception {
        Path home = home(several, true);
        Files.createDirectories(knownHosts(home));
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var refused = verify(home, several);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(4);
        assertThat(refused.err()).contains("is not known yet");
        before.assertUnchanged();

        var withYes = verify(home, several, "--yes");
        assertThat(withYes.exitCode()).as(withYes.all()).isEqualTo(5);
        assertThat(withYes.err()).contains(knownHosts(home).toString()).contains("could not be updated");
        before.assertUnchanged();
    }

    @Test
    void aFifoAsKnownHostsDoesNotHangTheRun() throws Exception {
        Path home = home(several, true);
        var mkfifo = Processes.run(home, Map.of(), "mkfifo", knownHosts(home).toString());
        assumeTrue(mkfifo.exitCode() == 0, "mkfifo");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("is not known yet");
        before.assertUnchanged();
    }

    @Test
    void aPatternListThatNegatesTheHostDoesNotApplyToIt() throws Exception {
        Path home = home(several, true);
        Foreign other = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), "*,!" + name(several) + " " + other.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("is not known yet").doesNotContain("has changed");
        before.assertUnchanged();
    }

    @Test
    void aWildcardLineWithAnotherKeyMakesTheKeyChanged() throws Exception {
        Path home = home(several, true);
        Foreign other = Foreign.of(RSA);
        Files.writeString(knownHosts(home), "[127.0.0.?]:* " + other.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("has changed").contains(other.fingerprint())
                .contains(several.hostKeyFingerprint(RSA));
        before.assertUnchanged();
    }

    @Test
    void aHashedLineWithAnotherKeyMakesTheKeyChanged() throws Exception {
        assumeTrue(Processes.available("ssh-keygen"));
        Path home = home(several, true);
        Foreign other = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), name(several) + " " + other.line() + "\n");
        var hashed = Processes.run(home, Map.of(), "ssh-keygen", "-q", "-H", "-f", knownHosts(home).toString());
        assertThat(hashed.exitCode()).as(hashed.all()).isZero();
        Files.delete(Path.of(knownHosts(home) + ".old"));
        assertThat(Files.readString(knownHosts(home))).startsWith("|1|").doesNotContain("127.0.0.1");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("has changed").contains(other.fingerprint()).contains(knownHosts(home) + ":1");
        before.assertUnchanged();
    }

    @Test
    void aPlainNameLineDoesNotApplyToANonStandardPort() throws Exception {
        Path home = home(several, true);
        Foreign other = Foreign.of(ED25519);
        String plain = "127.0.0.1 " + other.line() + "\n";
        Files.writeString(knownHosts(home), plain);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.readString(knownHosts(home))).isEqualTo(plain + several.knownHostsLine(ED25519) + "\n");
    }

    @Test
    void aCertificateAuthorityLineVouchesForNoPlainKey() throws Exception {
        Path home = home(several, true);
        Files.writeString(knownHosts(home), "@cert-authority " + several.knownHostsLine(ED25519) + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several);

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("is not known yet");
        before.assertUnchanged();
    }

    @Test
    void doctorFailsAChangedKeyOfAnotherTypeAndNamesTheLineToFix() throws Exception {
        Path home = home(ecdsaOnly, false);
        Foreign realServer = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), name(ecdsaOnly) + " " + realServer.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = new CliRunner(home).run("doctor", "--host", ecdsaOnly.baseUrl(), "--ca-file",
                ecdsaOnly.caFile().toString(), "--ssh-host", "127.0.0.1", "--ssh-port",
                String.valueOf(ecdsaOnly.sshPort()));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("ssh-host-key").contains(realServer.fingerprint())
                .contains(ecdsaOnly.hostKeyFingerprint(ECDSA)).contains(knownHosts(home) + ":1");
        before.assertUnchangedExcept(p -> !p.startsWith(".ssh"));
    }

    @Test
    void setupWithYesStopsAtAManInTheMiddleAndLeavesKnownHostsAlone() throws Exception {
        Path home = Files.createDirectories(dir.resolve("setup-home"));
        Files.createDirectories(home.resolve(".ssh"));
        Foreign realServer = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), name(ecdsaOnly) + " " + realServer.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home.resolve(".ssh"), p -> p.toString().equals("known_hosts"));

        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("setup",
                "--method", "ssh", "--yes", "--host", ecdsaOnly.baseUrl(), "--ca-file", ecdsaOnly.caFile().toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.all()).contains("has changed").contains(realServer.fingerprint())
                .contains(ecdsaOnly.hostKeyFingerprint(ECDSA)).contains(knownHosts(home) + ":1");
        before.assertUnchangedExcept(p -> !p.equals("known_hosts") && !p.isEmpty());
    }

    @Test
    void aHugeKnownHostsIsRefusedRatherThanReadOrSkipped() throws Exception {
        Path home = home(several, true);
        try (var f = new RandomAccessFile(knownHosts(home).toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024);
        }
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains(knownHosts(home).toString()).contains("larger than 64 MiB");
        before.assertUnchanged();
    }

    /** A ~/.ssh/config for the test host (resolved by the real ssh -G since the SSH configuration work landed). */
    private static void sshConfig(Path home, String... lines) throws IOException {
        Files.writeString(home.resolve(".ssh/config"), "Host 127.0.0.1\n  " + String.join("\n  ", lines) + "\n");
    }

    /** The real ssh, strict, with the home's configuration: does it accept the host key now recorded? */
    private static String realSshStrict(Path home, GitLabTestServer server) throws IOException {
        return Processes.run(home, Map.of("HOME", home.toString(), "SSH_AUTH_SOCK", ""), "ssh", "-F",
                home.resolve(".ssh/config").toString(), "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "PubkeyAuthentication=no", "-p", String.valueOf(server.sshPort()), "git@127.0.0.1", "true").all();
    }

    @Test
    void hashKnownHostsInTheConfigRecordsAHashedLineThatSshAccepts() throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = home(several, true);
        sshConfig(home, "HashKnownHosts yes", "UserKnownHostsFile " + knownHosts(home),
                "GlobalKnownHostsFile /dev/null");

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        String recorded = Files.readString(knownHosts(home));
        assertThat(recorded).startsWith("|1|").doesNotContain("127.0.0.1")
                .endsWith(" " + several.hostKeyLine() + "\n");
        assertThat(realSshStrict(home, several)).contains("Permission denied");
    }

    @Test
    void hostKeyAliasIsTheNameTheKeyIsLookedUpAndRecordedUnderAsSshDoes() throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = home(several, true);
        sshConfig(home, "HostKeyAlias gitlab-alias", "UserKnownHostsFile " + knownHosts(home),
                "GlobalKnownHostsFile /dev/null");
        Foreign old = Foreign.of(ED25519);
        Files.writeString(knownHosts(home), "gitlab-alias " + old.line() + "\n");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var changed = verify(home, several, "--yes");

        assertThat(changed.exitCode()).as(changed.all()).isEqualTo(4);
        assertThat(changed.err()).contains("has changed").contains(old.fingerprint());
        assertThat(realSshStrict(home, several)).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
        before.assertUnchanged();

        Files.delete(knownHosts(home));
        var recorded = verify(home, several, "--yes");

        assertThat(recorded.exitCode()).as(recorded.all()).isZero();
        assertThat(Files.readString(knownHosts(home))).startsWith("gitlab-alias ").doesNotContain("127.0.0.1");
        assertThat(realSshStrict(home, several)).contains("Permission denied");
    }

    @Test
    void hostKeyAlgorithmsWithRsaFirstRecordTheRsaKeySshWillAskFor() throws Exception {
        assumeTrue(Processes.available("ssh"));
        Path home = home(several, true);
        sshConfig(home, "HostKeyAlgorithms rsa-sha2-512,rsa-sha2-256,ssh-ed25519",
                "UserKnownHostsFile " + knownHosts(home), "GlobalKnownHostsFile /dev/null");

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.readString(knownHosts(home))).isEqualTo(several.knownHostsLine(RSA) + "\n");
        assertThat(realSshStrict(home, several)).contains("Permission denied");
    }

    @Test
    void aChangedKeyInTheConfiguredGlobalFileIsRefusedAndNamesThatFile() throws Exception {
        Path home = home(several, true);
        Path global = home.resolve("etc-ssh_known_hosts");
        Foreign old = Foreign.of(ED25519);
        Files.writeString(global, name(several) + " " + old.line() + "\n");
        sshConfig(home, "UserKnownHostsFile " + home.resolve(".ssh/mine"), "GlobalKnownHostsFile " + global);
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(4);
        assertThat(r.err()).contains("has changed").contains(old.fingerprint()).contains(global + ":1")
                .contains(several.hostKeyFingerprint(ED25519));
        before.assertUnchanged();
    }

    @Test
    void aProxyCommandIsSaidPlainlyAndNothingIsConnectedOrWritten() throws Exception {
        Path home = home(several, true);
        Path marker = home.resolve("proxy-ran");
        sshConfig(home, "ProxyCommand touch " + marker + "; nc %h %p");
        FileTreeSnapshot before = FileTreeSnapshot.of(home);

        var r = verify(home, several, "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.err()).contains("proxy command").contains("cannot check");
        assertThat(marker).doesNotExist();
        before.assertUnchanged();
    }
}
