package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ssh-key rotate}: the new key works before the old one goes, and a rotation that fails at
 * upload or at verification changes nothing (files byte for byte, the account's keys).
 */
class SshKeyRotateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningServer running = new RunningServer();

    private static CliRunner.Result run(Path home, String... rest) {
        List<String> args = new ArrayList<>(List.of(rest));
        args.addAll(List.of("--host", running.get().baseUrl(), "--ca-file", running.get().caFile().toString()));
        return new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run(args.toArray(String[]::new));
    }

    /** A home set up for SSH by the product itself. */
    private static Path setUp(String name) throws IOException {
        Path home = running.directory(name);
        var setup = run(home, "setup", "--method", "ssh", "--yes");
        assertThat(setup.exitCode()).as(setup.err() + setup.out()).isZero();
        return home;
    }

    private static List<String> accountFingerprints() {
        // Written as ssh-keygen -l prints them ("SHA256:..."), as the command's JSON does.
        return running.get().state().keys().stream().map(k -> k.fingerprintSha256().startsWith("SHA256:")
                ? k.fingerprintSha256() : "SHA256:" + k.fingerprintSha256()).toList();
    }

    @Test
    void theNewKeyReplacesTheOldOneOnTheAccountAndOnDisk() throws Exception {
        Path home = setUp("rotated");
        Path key = home.resolve(".ssh/id_ed25519_127.0.0.1");
        Path oldCopy = Files.copy(key, home.resolve("old-key"));
        String config = Files.readString(home.resolve(".ssh/config"));

        var rotated = run(home, "ssh-key", "rotate", "--yes", "--json", "--expires-at", "2027-06-30");
        assertThat(rotated.exitCode()).as(rotated.err() + rotated.out()).isZero();
        JsonNode doc = JSON.readTree(rotated.out());
        String oldFp = doc.get("old").get("fingerprint").asText();
        String newFp = doc.get("new").get("fingerprint").asText();
        assertThat(newFp).isNotEqualTo(oldFp);
        assertThat(doc.get("old").get("wasRegistered").asBoolean()).isTrue();
        assertThat(doc.get("new").get("path").asText()).isEqualTo(key.toString());
        assertThat(doc.get("new").get("expiresAt").asText()).startsWith("2027-06-30");
        assertThat(accountFingerprints()).contains(newFp).doesNotContain(oldFp);
        assertThat(Files.readString(home.resolve(".ssh/config"))).as("the block already names the file").isEqualTo(config);
        assertThat(home.resolve(".ssh/id_ed25519_127.0.0.1.rotating")).doesNotExist();
        assertThat(Files.readString(home.resolve(".ssh/id_ed25519_127.0.0.1.pub"))).doesNotContain("old");

        var verified = run(home, "verify", "--ssh", "--json");
        assertThat(verified.exitCode()).as(verified.err()).isZero();

        if (Processes.available("ssh")) {
            var real = Processes.run(home, Map.of("HOME", home.toString()), "ssh", "-F",
                    home.resolve(".ssh/config").toString(), "-o", "UserKnownHostsFile=" + home.resolve(".ssh/known_hosts"),
                    "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-T", "git@127.0.0.1");
            assertThat(real.exitCode()).as(real.all()).isZero();
            assertThat(real.stdout()).startsWith("Welcome to GitLab, @alice!");
            Files.setPosixFilePermissions(oldCopy, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            var old = Processes.run(home, Map.of("HOME", home.toString()), "ssh", "-F", "/dev/null", "-i",
                    oldCopy.toString(), "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile="
                            + home.resolve(".ssh/known_hosts"), "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes",
                    "-p", String.valueOf(running.get().sshPort()), "-T", "git@127.0.0.1");
            assertThat(old.exitCode()).as("the old key no longer gets in: " + old.all()).isNotZero();
            assertThat(old.all()).contains("Permission denied");
        }
    }

    @Test
    void aRotationRefusedAtUploadChangesNothing() throws Exception {
        Path home = setUp("refused");
        var before = snapshot(home);
        List<String> keys = accountFingerprints();

        // GitLab's own answer to a key it will not take; the date is refused before this point.
        running.get().faults().add("/api/v4/user/keys", 1, 400, "application/json",
                "{\"message\":{\"key\":[\"has expired\"]}}", Map.of());
        var refused = run(home, "ssh-key", "rotate", "--yes");
        running.get().faults().clear();
        assertThat(refused.exitCode()).as(refused.out()).isNotZero();
        assertThat(refused.err()).contains("error:").contains("has expired");
        assertThat(snapshot(home)).isEqualTo(before);
        assertThat(accountFingerprints()).containsExactlyInAnyOrderElementsOf(keys);
    }

    @Test
    void anExpiryThatIsNotAFutureDateIsRefusedBeforeAnythingChanges() throws Exception {
        Path home = setUp("baddate");
        var before = snapshot(home);
        List<String> keys = accountFingerprints();
        var notADate = run(home, "ssh-key", "rotate", "--yes", "--json", "--expires-at", "2027-13-40");
        assertThat(notADate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(JSON.readTree(notADate.out()).path("error").path("reason").asText()).isEqualTo("bad-expiry");
        var past = run(home, "ssh-key", "rotate", "--yes", "--expires-at", "2020-01-01");
        assertThat(past.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(past.err()).contains("--expires-at 2020-01-01 is not in the future.");
        assertThat(snapshot(home)).isEqualTo(before);
        assertThat(accountFingerprints()).containsExactlyInAnyOrderElementsOf(keys);
        var unknown = run(home, "ssh-key", "rotate", "--bogus");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'gitlab-access ssh-key rotate --help'");
    }

    @Test
    void aRotationThatCannotProveTheNewKeyTakesItBackAndChangesNothing() throws Exception {
        Path home = setUp("unproven");
        var before = snapshot(home);
        List<String> keys = accountFingerprints();

        // Port 1 answers nothing: the new key cannot be proven over SSH.
        var unproven = run(home, "ssh-key", "rotate", "--yes", "--ssh-port", "1");
        assertThat(unproven.exitCode()).as(unproven.out()).isNotZero();
        assertThat(snapshot(home)).isEqualTo(before);
        assertThat(accountFingerprints()).as("the new key left the account again").containsExactlyInAnyOrderElementsOf(keys);
        var verified = run(home, "verify", "--ssh");
        assertThat(verified.exitCode()).as("the old key still works: " + verified.err()).isZero();
    }

    /** Every file under ~/.ssh, by name and content. */
    private static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var s = Files.list(home.resolve(".ssh"))) {
            for (Path p : s.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }
}
