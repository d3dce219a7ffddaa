package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RealSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The OpenSSH agreement matrix: for each state of the known-hosts files, the product's host key
 * decision equals the real {@code ssh}'s against a real {@code sshd} presenting ed25519, ECDSA and
 * RSA keys (or ECDSA only): with {@code StrictHostKeyChecking=yes} versus the product refusing new
 * hosts, and with {@code accept-new} versus the product's {@code --yes}, on copies of the files,
 * after which the real {@code ssh} must accept what the product recorded.
 */
class OpenSshAgreementMatrixTest {
    @TempDir
    static Path dir;
    static RealSshd full;
    static RealSshd ecdsaOnly;
    static Keys keys;

    /** The public key lines the rows are built from. */
    record Keys(String hostEd25519, String hostEcdsa, String hostRsa, String otherEd25519, String otherEcdsa) {
    }

    /** What a client decided about the host key. */
    enum Verdict { ACCEPTED, UNKNOWN, CHANGED, REVOKED }

    /** Which server a row talks to. */
    enum Server { FULL, ECDSA_ONLY }

    /** The files of one row: two user known-hosts files (OpenSSH's default count) and one global file. */
    record KnownHostsFiles(Path user, Path user2, Path global) {
        List<Path> users() {
            return List.of(user, user2);
        }

        KnownHostsFiles copyTo(Path to) throws IOException {
            Files.createDirectories(to);
            KnownHostsFiles copy = new KnownHostsFiles(to.resolve("known_hosts"), to.resolve("known_hosts2"),
                    to.resolve("ssh_known_hosts"));
            for (int i = 0; i < 3; i++) {
                Path from = List.of(user, user2, global).get(i);
                if (Files.exists(from)) {
                    Files.copy(from, List.of(copy.user, copy.user2, copy.global).get(i));
                }
            }
            return copy;
        }
    }

    /** Writes a row's files; {@code name} is the server's known_hosts name ({@code [127.0.0.1]:port}). */
    interface Setup {
        void write(KnownHostsFiles files, String name, Keys keys) throws IOException;
    }

    /**
     * @param hostKeyAlgorithms {@code HostKeyAlgorithms} as a user writes it ({@code +}, {@code ^} and all),
     *     or null for OpenSSH's default; the product gets it as {@code ssh -G} resolves it
     */
    record Row(String title, Server server, Setup setup, String hostKeyAlgorithms, boolean hash) {
        @Override
        public String toString() {
            return title;
        }
    }

    private static Row row(String title, Server server, Setup setup) {
        return new Row(title, server, setup, null, false);
    }

    static Stream<Row> rows() {
        String rsaFirst = "rsa-sha2-512,rsa-sha2-256,ssh-ed25519,ecdsa-sha2-nistp256";
        return Stream.of(
                row("no known_hosts at all", Server.FULL, (f, n, k) -> { }),
                row("the same ed25519 key", Server.FULL, (f, n, k) -> write(f.user(), n + " " + k.hostEd25519())),
                row("only the server's ECDSA key (server offers several types)", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEcdsa())),
                row("only the server's RSA key (server offers several types)", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.hostRsa())),
                row("another ed25519 key", Server.FULL, (f, n, k) -> write(f.user(), n + " " + k.otherEd25519())),
                row("another ECDSA key only (server offers several types)", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.otherEcdsa())),
                row("the server's ed25519 key, server offers only ECDSA", Server.ECDSA_ONLY,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEd25519())),
                row("the server's ECDSA key, server offers only ECDSA", Server.ECDSA_ONLY,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEcdsa())),
                row("hashed entry of the same key", Server.FULL, (f, n, k) -> {
                    write(f.user(), n + " " + k.hostEd25519());
                    hash(f.user());
                }),
                row("hashed entry of another key", Server.FULL, (f, n, k) -> {
                    write(f.user(), n + " " + k.otherEd25519());
                    hash(f.user());
                }),
                row("@revoked presented key, also recorded plain", Server.FULL, (f, n, k) -> write(f.user(),
                        "@revoked " + n + " " + k.hostEd25519() + "\n" + n + " " + k.hostEd25519())),
                row("@revoked presented key only", Server.FULL,
                        (f, n, k) -> write(f.user(), "@revoked " + n + " " + k.hostEd25519())),
                row("@revoked another key only", Server.FULL,
                        (f, n, k) -> write(f.user(), "@revoked " + n + " " + k.otherEd25519())),
                row("@revoked ECDSA key, ed25519 recorded", Server.FULL, (f, n, k) -> write(f.user(),
                        "@revoked " + n + " " + k.hostEcdsa() + "\n" + n + " " + k.hostEd25519())),
                row("first ECDSA line revoked, second the server's ECDSA key", Server.FULL, (f, n, k) -> write(f.user(),
                        "@revoked " + n + " " + k.otherEcdsa() + "\n" + n + " " + k.otherEcdsa() + "\n" + n + " "
                                + k.hostEcdsa())),
                row("@cert-authority with the server's own plain key", Server.FULL,
                        (f, n, k) -> write(f.user(), "@cert-authority " + n + " " + k.hostEd25519())),
                row("global file holds the key, user file empty", Server.FULL,
                        (f, n, k) -> write(f.global(), n + " " + k.hostEd25519())),
                row("global file holds another key", Server.FULL,
                        (f, n, k) -> write(f.global(), n + " " + k.otherEd25519())),
                row("user file another key, global file the right one", Server.FULL, (f, n, k) -> {
                    write(f.user(), n + " " + k.otherEd25519());
                    write(f.global(), n + " " + k.hostEd25519());
                }),
                row("second UserKnownHostsFile holds the key", Server.FULL,
                        (f, n, k) -> write(f.user2(), n + " " + k.hostEd25519())),
                row("plain name (port 22 form) with another key", Server.FULL,
                        (f, n, k) -> write(f.user(), "127.0.0.1 " + k.otherEd25519())),
                row("[host]:otherport with another key", Server.FULL,
                        (f, n, k) -> write(f.user(), "[127.0.0.1]:1 " + k.otherEd25519())),
                row("wildcard pattern with another key", Server.FULL,
                        (f, n, k) -> write(f.user(), "[127.0.0.?]:* " + k.otherEd25519())),
                row("pattern list with a negation of the host", Server.FULL, (f, n, k) -> write(f.user(),
                        "*," + "!" + n + " " + k.otherEd25519())),
                row("corrupt lines around the right one", Server.FULL, (f, n, k) -> write(f.user(),
                        "garbage\n" + n + " ssh-ed25519 AAAA!!notbase64\n" + n + "\n@bogus " + n + " "
                                + k.otherEd25519() + "\n" + n + " ssh-rsa " + k.hostEd25519().split(" ")[1] + "\n"
                                + "  " + n + "\t" + k.hostEd25519() + " comment\n|1|bad|hash " + k.otherEcdsa())),
                row("corrupt line only", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " ssh-ed25519 AAAA!!notbase64")),
                new Row("HostKeyAlgorithms RSA first, ed25519 recorded", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEd25519()), rsaFirst, false),
                new Row("HostKeyAlgorithms RSA first, nothing recorded", Server.FULL, (f, n, k) -> { }, rsaFirst,
                        false),
                new Row("HostKeyAlgorithms +ssh-rsa, ECDSA recorded", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEcdsa()), "+ssh-rsa", false),
                new Row("HostKeyAlgorithms ^rsa-sha2-512 (prepended), ed25519 recorded", Server.FULL,
                        (f, n, k) -> write(f.user(), n + " " + k.hostEd25519()), "^rsa-sha2-512", false),
                new Row("HostKeyAlgorithms -ssh-ed25519, nothing recorded", Server.FULL, (f, n, k) -> { },
                        "-ssh-ed25519*", false),
                new Row("HashKnownHosts yes, nothing recorded", Server.FULL, (f, n, k) -> { }, null, true));
    }

    @BeforeAll
    static void startServers() throws IOException {
        assumeTrue(RealSshd.available(), "a real sshd, ssh and ssh-keygen are needed");
        Path keysDir = Files.createDirectories(dir.resolve("keys"));
        Path ed = RealSshd.hostKey(keysDir, "ed25519");
        Path ecdsa = RealSshd.hostKey(keysDir, "ecdsa");
        Path rsa = RealSshd.hostKey(keysDir, "rsa");
        Path otherDir = Files.createDirectories(dir.resolve("other"));
        keys = new Keys(pub(ed), pub(ecdsa), pub(rsa), pub(RealSshd.hostKey(otherDir, "ed25519")),
                pub(RealSshd.hostKey(otherDir, "ecdsa")));
        full = RealSshd.start(dir.resolve("sshd-full"), List.of(ed, ecdsa, rsa));
        ecdsaOnly = RealSshd.start(dir.resolve("sshd-ecdsa"), List.of(ecdsa));
    }

    @AfterAll
    static void stopServers() {
        if (full != null) {
            full.close();
        }
        if (ecdsaOnly != null) {
            ecdsaOnly.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void strictCheckingAgreesWithOpenSsh(Row row) throws IOException {
        int port = port(row);
        KnownHostsFiles files = files(row, "strict");
        row.setup().write(files, name(port), keys);
        Observed ssh = ssh(row, files, port, "yes");
        SshCheckResult product = product(row, files, port, HostKeyDecision.REFUSE);
        assertThat(verdictOf(product)).as("%s\nssh said: %s\nproduct: %s", row, ssh.output, product.detail())
                .isEqualTo(ssh.verdict);
        if (ssh.offending != null) {
            // OpenSSH names one offending line; the product names every one, that one among them.
            assertThat(product.recorded()).extracting(KnownHosts.Entry::where).contains(ssh.offending);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void acceptNewAgreesWithOpenSshAndWhatTheProductRecordsOpenSshAccepts(Row row) throws IOException {
        int port = port(row);
        KnownHostsFiles original = files(row, "accept-new");
        row.setup().write(original, name(port), keys);
        KnownHostsFiles forSsh = original.copyTo(dir.resolve(slug(row) + "-accept-new-ssh"));
        KnownHostsFiles forProduct = original.copyTo(dir.resolve(slug(row) + "-accept-new-product"));

        Observed ssh = ssh(row, forSsh, port, "accept-new");
        SshCheckResult product = product(row, forProduct, port, HostKeyDecision.ACCEPT);
        Verdict productVerdict = verdictOf(product);
        assertThat(productVerdict == Verdict.ACCEPTED).as("%s\nssh said: %s\nproduct: %s", row, ssh.output,
                product.detail()).isEqualTo(ssh.verdict == Verdict.ACCEPTED);
        if (productVerdict != Verdict.ACCEPTED) {
            assertThat(productVerdict).as(row.title()).isEqualTo(ssh.verdict);
            assertThat(Files.exists(forProduct.user())).isEqualTo(Files.exists(original.user()));
            if (Files.exists(original.user())) {
                assertThat(Files.readString(forProduct.user())).isEqualTo(Files.readString(original.user()));
            }
            return;
        }
        // Both recorded the same key in the same file (or neither did), in the same form.
        assertThat(addedKeys(original.user(), forProduct.user())).as(row.title())
                .isEqualTo(addedKeys(original.user(), forSsh.user()));
        assertThat(addedHostFields(original.user(), forProduct.user()))
                .allMatch(h -> h.startsWith("|1|") == row.hash());
        assertThat(Files.exists(forProduct.user2())).isEqualTo(Files.exists(original.user2()));
        // And the real ssh, strict, accepts what the product left.
        Observed after = ssh(row, forProduct, port, "yes");
        assertThat(after.verdict).as("ssh after the product recorded: %s", after.output).isEqualTo(Verdict.ACCEPTED);
    }

    private record Observed(Verdict verdict, String offending, String output) {
    }

    private static final Pattern OFFENDING = Pattern.compile("Offending \\S+ key in (\\S+:\\d+)");

    private static Observed ssh(Row row, KnownHostsFiles files, int port, String strict) throws IOException {
        Path config = Files.writeString(dir.resolve("ssh_config"), "");
        List<String> cmd = new ArrayList<>(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=" + strict,
                "-o", "UserKnownHostsFile=" + files.user() + " " + files.user2(),
                "-o", "GlobalKnownHostsFile=" + files.global(),
                "-o", "HashKnownHosts=" + (row.hash() ? "yes" : "no"),
                "-o", "CheckHostIP=no", "-o", "UpdateHostKeys=no",
                "-o", "PubkeyAuthentication=no", "-o", "PasswordAuthentication=no",
                "-o", "KbdInteractiveAuthentication=no", "-o", "ConnectTimeout=10"));
        if (row.hostKeyAlgorithms() != null) {
            cmd.addAll(List.of("-o", "HostKeyAlgorithms=" + row.hostKeyAlgorithms()));
        }
        cmd.addAll(List.of("-p", String.valueOf(port), "git@127.0.0.1", "true"));
        Processes.Result r = Processes.run(dir, Map.of("SSH_AUTH_SOCK", ""), null, cmd);
        String out = r.all();
        Matcher m = OFFENDING.matcher(out);
        String offending = m.find() ? m.group(1) : null;
        Verdict v;
        if (out.contains("Permission denied")) {
            v = Verdict.ACCEPTED;
        } else if (out.contains("REVOKED HOST KEY") || out.contains("is marked as revoked")) {
            v = Verdict.REVOKED;
        } else if (out.contains("REMOTE HOST IDENTIFICATION HAS CHANGED")
                || out.contains("has changed and you have requested strict checking")) {
            v = Verdict.CHANGED;
        } else if (out.contains("host key is known") || out.contains("Host key verification failed")) {
            v = Verdict.UNKNOWN;
        } else {
            throw new AssertionError("ssh said something the matrix does not know: " + out);
        }
        return new Observed(v, offending, out);
    }

    private static SshCheckResult product(Row row, KnownHostsFiles files, int port, HostKeyDecision decision)
            throws IOException {
        List<String> algorithms = row.hostKeyAlgorithms() != null ? resolved(row.hostKeyAlgorithms())
                : SshConfigLookup.OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS;
        SshConfigLookup.Effective effective = new SshConfigLookup.Effective(SshEndpoint.of("127.0.0.1", port), "git",
                List.of(), false, files.users(), List.of(files.global()), algorithms, row.hash(), Optional.empty(),
                Optional.empty(), SshConfigLookup.Source.OPENSSH, Optional.empty(), Optional.empty(),
                startsWithTheDefaults(algorithms));
        try (SshAccessCheck check = new SshAccessCheck(decision, Duration.ofSeconds(10))) {
            return check.hostKey(effective);
        }
    }

    /** As the product's lookup tells a list OpenSSH reorders: this ssh's defaults first. */
    private static boolean startsWithTheDefaults(List<String> algorithms) {
        List<String> defaults = SshConfigLookup.OPENSSH_DEFAULT_HOST_KEY_ALGORITHMS;
        return algorithms.size() >= defaults.size() && algorithms.subList(0, defaults.size()).equals(defaults);
    }

    /** The list {@code ssh -G} resolves a written {@code HostKeyAlgorithms} to: what the product is given. */
    private static List<String> resolved(String written) throws IOException {
        Processes.Result r = Processes.run(dir, Map.of(), "ssh", "-F", "/dev/null", "-o", "HostKeyAlgorithms=" + written,
                "-G", "127.0.0.1");
        String line = r.stdout().lines().filter(l -> l.startsWith("hostkeyalgorithms ")).findFirst().orElseThrow();
        return List.of(line.substring("hostkeyalgorithms ".length()).strip().split(","));
    }

    private static Verdict verdictOf(SshCheckResult r) {
        return switch (r.outcome()) {
            case OK -> Verdict.ACCEPTED;
            case HOST_KEY_UNKNOWN -> Verdict.UNKNOWN;
            case HOST_KEY_CHANGED -> Verdict.CHANGED;
            case HOST_KEY_REVOKED -> Verdict.REVOKED;
            default -> throw new AssertionError("the product could not check: " + r.outcome() + " " + r.detail());
        };
    }

    /** The key fields ({@code type base64}) of the lines a run appended to the file. */
    private static List<String> addedKeys(Path before, Path after) throws IOException {
        return addedLines(before, after).stream().map(l -> l.split("\\s+")).map(f -> f[1] + " " + f[2]).toList();
    }

    private static List<String> addedHostFields(Path before, Path after) throws IOException {
        return addedLines(before, after).stream().map(l -> l.split("\\s+")[0]).toList();
    }

    private static List<String> addedLines(Path before, Path after) throws IOException {
        List<String> old = Files.exists(before) ? Files.readAllLines(before) : List.of();
        List<String> now = Files.exists(after) ? Files.readAllLines(after) : List.of();
        assertThat(now.subList(0, old.size())).as("the existing lines stay as they were").isEqualTo(old);
        return now.subList(old.size(), now.size()).stream().filter(l -> !l.isBlank()).toList();
    }

    private static int port(Row row) {
        return (row.server() == Server.FULL ? full : ecdsaOnly).port();
    }

    private static String name(int port) {
        return "[127.0.0.1]:" + port;
    }

    private static KnownHostsFiles files(Row row, String phase) throws IOException {
        Path d = Files.createDirectories(dir.resolve(slug(row) + "-" + phase));
        return new KnownHostsFiles(d.resolve("known_hosts"), d.resolve("known_hosts2"), d.resolve("ssh_known_hosts"));
    }

    private static String slug(Row row) {
        return row.title().replaceAll("[^A-Za-z0-9]+", "-");
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n");
    }

    /** Hashes the file's host names with the real {@code ssh-keygen -H}, as a user would. */
    private static void hash(Path file) throws IOException {
        Processes.Result r = Processes.run(dir, Map.of(), "ssh-keygen", "-q", "-H", "-f", file.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        Files.deleteIfExists(Path.of(file + ".old"));
        assertThat(Files.readString(file)).startsWith("|1|");
    }

    private static String pub(Path privateKey) throws IOException {
        return Files.readString(Path.of(privateKey + ".pub")).strip();
    }
}
