package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The product's resolution against OpenSSH's: for a corpus of realistic configurations, every field of
 * {@link SshConfigLookup.Effective} equals what the real {@code ssh -G} prints for the same host (identity
 * files as {@code ssh -v} expands them). In the sandbox home, ssh expands {@code ~} from the password
 * database; the product's home stands for it, so the account's home is mapped to the sandbox's before comparing.
 */
class SshConfigResolutionTest {
    private static final Path ACCOUNT_HOME = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    private static final List<String> HOSTS = List.of("work", "gitlab.work.example", "gitlab.a.example", "x.b.example",
            "gitlab.example.com", "a.tok.example", "plus.example", "minus.example", "caret.example", "eq.example",
            "internal.example", "gitlab.com", "127.0.0.1", "op.example", "gpg.example");

    @TempDir
    Path dir;

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("match-blocks", Map.of("config", """
                        Match originalhost work
                          HostName gitlab.work.example
                          Port 2201
                        Match host gitlab.work.example exec "true"
                          IdentityFile ~/.ssh/work_key
                        Match exec "false"
                          Port 9999
                        Match all
                          IdentitiesOnly yes
                        """)),
                Arguments.of("includes", Map.of("config", """
                        Include conf.d/*.conf
                        Include ~/.ssh/extra
                        Host *
                          HashKnownHosts yes
                        """, "conf.d/a.conf", "Host gitlab.a.example\n  Port 2202\n",
                        "conf.d/b.conf", "Host *.b.example\n  ProxyJump bastion.example\n",
                        "extra", "Host gitlab.example.com\n  UserKnownHostsFile ~/.ssh/kh_gitlab %d/kh2\n")),
                Arguments.of("identity-tokens", Map.of("config", """
                        Host *.tok.example
                          IdentityFile ~/.ssh/id_%h
                          IdentityFile %d/.ssh/%r_%p_%n
                          IdentityFile ${HOME}/.ssh/env_key
                          IdentityFile "/opt/keys/with space"
                          IdentityFile ~/.ssh/%C
                        Host *
                          IdentityFile ~/.ssh/id_ed25519
                        """)),
                Arguments.of("host-key-algorithms", Map.of("config", """
                        Host plus.example
                          HostKeyAlgorithms +ssh-rsa
                        Host minus.example
                          HostKeyAlgorithms -ssh-ed25519*
                        Host caret.example
                          HostKeyAlgorithms ^rsa-sha2-512,rsa-sha2-256
                        Host gitlab.com
                          HostKeyAlgorithms ssh-rsa,ssh-ed25519
                        """)),
                Arguments.of("quotes-equals-crlf-tabs", Map.of("config",
                        "Host=eq.example\r\n\tPort=2203\r\n\tUser = \"someone\"\r\n\tProxyCommand \"nc\" %h %p\r\n"
                                + "Host\t\"gitlab.example.com\"\r\n\tHostName\t127.0.0.1\r\n\tGlobalKnownHostsFile = /etc/ssh/other\r\n")),
                Arguments.of("agents-and-jumps", Map.of("config", """
                        Host op.example
                          IdentityAgent "~/Library/Group Containers/2BUA8C4S2C.com.1password/t/agent.sock"
                        Match host gpg.example exec "command -v gpg-connect-agent >/dev/null 2>&1"
                          IdentityAgent ~/.gnupg/S.gpg-agent.ssh
                        Host gpg.example
                          IdentityFile ~/.ssh/gpg.pub
                          IdentitiesOnly yes
                        Host internal.example
                          ProxyJump jump@bastion.example:2222
                          StrictHostKeyChecking yes
                        Host *
                          Port 2222
                          HashKnownHosts yes
                        """)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyFieldIsWhatSshGPrints(String name, Map<String, String> files) throws IOException {
        assumeTrue(Processes.available("ssh"));
        Path home = sandbox(name, files);
        SshConfigLookup lookup = new SshConfigLookup(home, ACCOUNT_HOME, ExecutablePath.of(Environment.system(), "ssh"),
                Map.of("HOME", home.toString()), System.getProperty("user.name"));
        for (String host : HOSTS) {
            var product = lookup.resolve(host, 22, false);
            Map<String, String> openSsh = sshG(home, host);
            assertThat(product.notice()).as(host).isEmpty();
            assertThat(product.source()).isEqualTo(SshConfigLookup.Source.OPENSSH);
            assertThat(product.endpoint().hostName()).as(host).isEqualTo(openSsh.get("hostname"));
            assertThat(product.endpoint().port()).as(host).isEqualTo(Integer.parseInt(openSsh.get("port")));
            assertThat(product.user()).as(host).isEqualTo(openSsh.get("user"));
            assertThat(product.identitiesOnly()).as(host).isEqualTo("yes".equals(openSsh.get("identitiesonly")));
            assertThat(product.hashKnownHosts()).as(host).isEqualTo("yes".equals(openSsh.get("hashknownhosts")));
            assertThat(product.hostKeyAlgorithms()).as(host).isEqualTo(List.of(openSsh.get("hostkeyalgorithms").split(",")));
            assertThat(product.userKnownHostsFiles()).as(host).isEqualTo(paths(home, openSsh.get("userknownhostsfile")));
            assertThat(product.globalKnownHostsFiles()).as(host).isEqualTo(paths(home, openSsh.get("globalknownhostsfile")));
            assertThat(product.proxyJump()).as(host).isEqualTo(Optional.ofNullable(openSsh.get("proxyjump")));
            assertThat(product.proxyCommand()).as(host).isEqualTo(Optional.ofNullable(openSsh.get("proxycommand")));
            if (product.proxyJump().isEmpty()) {
                assertThat(product.identityFiles()).as(host).isEqualTo(identityFilesAsSshExpandsThem(home, host));
            }
        }
    }

    @Test
    void theRealHomeIsReadAsSshReadsItWithoutF() throws IOException {
        assumeTrue(Processes.available("ssh"));
        SshConfigLookup lookup = new SshConfigLookup(ACCOUNT_HOME, ACCOUNT_HOME,
                ExecutablePath.of(Environment.system(), "ssh"), System.getenv(), System.getProperty("user.name"));
        var r = Processes.run(null, Map.of(), null, List.of("ssh", "-G", "-l", "git", "gitlab.example.com"));
        Map<String, String> openSsh = parse(r.stdout());
        var product = lookup.resolve("gitlab.example.com", 22, false);
        assertThat(product.endpoint().port()).isEqualTo(Integer.parseInt(openSsh.get("port")));
        assertThat(product.hashKnownHosts()).isEqualTo("yes".equals(openSsh.get("hashknownhosts")));
        assertThat(product.userKnownHostsFiles()).isEqualTo(paths(ACCOUNT_HOME, openSsh.get("userknownhostsfile")));
    }

    @Test
    void aForcedPortAndHostBeatTheConfigurationAsSshPDoes() throws IOException {
        assumeTrue(Processes.available("ssh"));
        Path home = sandbox("forced", Map.of("config", "Host *\n  Port 2222\n  HostName elsewhere.example\n"));
        SshConfigLookup lookup = new SshConfigLookup(home, ACCOUNT_HOME, ExecutablePath.of(Environment.system(), "ssh"),
                Map.of(), "me");
        assertThat(lookup.resolve("gitlab.example.com", 2200, true).endpoint().port()).isEqualTo(2200);
        assertThat(lookup.resolve("gitlab.example.com", 22, true).endpoint().port()).isEqualTo(22);
        assertThat(lookup.resolve("gitlab.example.com", 22, false).endpoint().port()).isEqualTo(2222);
        var forced = lookup.forEndpoint(new SshEndpoint("gitlab.example.com", "127.0.0.1", 2201));
        assertThat(forced.endpoint()).isEqualTo(new SshEndpoint("gitlab.example.com", "127.0.0.1", 2201));
    }

    @Test
    void aConfigurationSshRefusesComesBackWithOpenSshsOwnMessage() throws IOException {
        assumeTrue(Processes.available("ssh"));
        for (String config : List.of("Match foo bar\n  Port 2\n", "Host *\n  NoSuchOption yes\n")) {
            Path home = sandbox("refused" + config.length(), Map.of("config", config));
            var r = Processes.run(null, Map.of("HOME", home.toString()), null,
                    List.of("ssh", "-G", "-F", home.resolve(".ssh/config").toString(), "gitlab.example.com"));
            assertThat(r.exitCode()).isNotZero();
            var product = new SshConfigLookup(home, ACCOUNT_HOME, ExecutablePath.of(Environment.system(), "ssh"),
                    Map.of(), "me").resolve("gitlab.example.com", 22, false);
            assertThat(product.refusedByOpenSsh()).isTrue();
            String lastLine = r.stderr().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(product.notice().orElseThrow()).contains(lastLine);
        }
    }

    @Test
    void withoutSshMinasParserReadsPlainFilesAndNamesWhatItCannotApply() throws IOException {
        Path home = sandbox("mina", Map.of("config", "Host work\n  HostName gitlab.work.example\n  Port 2201\n"
                + "  IdentityFile ~/.ssh/work_key\n"));
        Environment noSsh = new Environment(Map.of("HOME", home.toString(), "PATH", dir.resolve("empty-bin").toString()),
                System.getProperties());
        var plain = SshConfigLookup.of(noSsh).resolve("work", 22, false);
        assertThat(plain.source()).isEqualTo(SshConfigLookup.Source.FALLBACK_PARSER);
        assertThat(plain.endpoint()).isEqualTo(new SshEndpoint("work", "gitlab.work.example", 2201));
        assertThat(plain.identityFiles()).containsExactly(home.resolve(".ssh/work_key"));
        assertThat(plain.notice()).isEmpty();

        Files.writeString(home.resolve(".ssh/config"), "Include conf.d/*\nMatch host *.corp\n  Port 2\n");
        var withMatch = SshConfigLookup.of(noSsh).resolve("gitlab.corp", 22, false);
        assertThat(withMatch.source()).isEqualTo(SshConfigLookup.Source.FALLBACK_PARSER);
        assertThat(withMatch.notice().orElseThrow()).contains(home.resolve(".ssh/config").toString());
        assertThat(withMatch.refusedByOpenSsh()).isFalse();
    }

    @Test
    void anSshWithoutDashGIsNoVerdictOnTheFile() throws IOException {
        Path home = sandbox("old-ssh", Map.of("config", "Host work\n  HostName gitlab.work.example\n"));
        Path fake = Files.createDirectories(dir.resolve("old-bin")).resolve("ssh");
        Files.writeString(fake, "#!/bin/sh\necho 'ssh: illegal option -- G' >&2\nexit 255\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        var r = new SshConfigLookup(home, ACCOUNT_HOME, Optional.of(fake), Map.of(), "me").resolve("work", 22, false);
        assertThat(r.refusedByOpenSsh()).isFalse();
        assertThat(r.source()).isEqualTo(SshConfigLookup.Source.FALLBACK_PARSER);
        assertThat(r.endpoint().hostName()).isEqualTo("gitlab.work.example");
    }

    @Test
    void knownHostsFilesAnOlderSshPrintsWithATildeAreTheHomesNotRelativePaths() throws IOException {
        // OpenSSH 7.x/8.0-8.2 print UserKnownHostsFile as written (~ unexpanded) with -G.
        Path home = sandbox("old-dump", Map.of("config", "Host work\n  HostName gitlab.work.example\n"));
        Path fake = Files.createDirectories(dir.resolve("old-dump-bin")).resolve("ssh");
        Files.writeString(fake, "#!/bin/sh\nprintf 'hostname gitlab.work.example\\nport 22\\nuser git\\n"
                + "userknownhostsfile ~/.ssh/known_hosts ~/.ssh/known_hosts2\\n"
                + "globalknownhostsfile /etc/ssh/ssh_known_hosts\\n'\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        var r = new SshConfigLookup(home, ACCOUNT_HOME, Optional.of(fake), Map.of(), "me").resolve("work", 22, false);
        assertThat(r.source()).isEqualTo(SshConfigLookup.Source.OPENSSH);
        assertThat(r.userKnownHostsFiles()).containsExactly(home.resolve(".ssh/known_hosts"),
                home.resolve(".ssh/known_hosts2"));
    }

    @Test
    void eachHostIsAskedOncePerLookup() throws IOException {
        assumeTrue(Processes.available("ssh"));
        Path home = sandbox("memo", Map.of("config", "Host a\n  Port 2201\n"));
        var lookup = new SshConfigLookup(home, ACCOUNT_HOME, ExecutablePath.of(Environment.system(), "ssh"), Map.of(), "me");
        var first = lookup.resolve("a", 22, false);
        Files.writeString(home.resolve(".ssh/config"), "Host a\n  Port 2202\n");
        assertThat(lookup.resolve("a", 22, false)).isSameAs(first);
        assertThat(new SshConfigLookup(home, ACCOUNT_HOME, ExecutablePath.of(Environment.system(), "ssh"), Map.of(), "me")
                .resolve("a", 22, false).endpoint().port()).isEqualTo(2202);
    }

    private Path sandbox(String name, Map<String, String> files) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        for (var f : files.entrySet()) {
            Path p = home.resolve(".ssh").resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return home;
    }

    private static Map<String, String> sshG(Path home, String host) throws IOException {
        var r = Processes.run(null, Map.of("HOME", home.toString()), null,
                List.of("ssh", "-G", "-F", home.resolve(".ssh/config").toString(), "-l", "git", host));
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return parse(r.stdout());
    }

    private static Map<String, String> parse(String stdout) {
        Map<String, String> m = new LinkedHashMap<>();
        stdout.lines().forEach(l -> {
            int sp = l.indexOf(' ');
            if (sp > 0) {
                m.putIfAbsent(l.substring(0, sp), l.substring(sp + 1));
            }
        });
        return m;
    }

    /** What ssh itself loads: {@code ssh -v} names every identity file it expanded, before it talks to anyone. */
    private static List<Path> identityFilesAsSshExpandsThem(Path home, String host) throws IOException {
        var r = Processes.run(null, Map.of("HOME", home.toString()), null, List.of("ssh", "-v", "-F",
                home.resolve(".ssh/config").toString(), "-l", "git", "-o", "ProxyCommand=false", "-o", "BatchMode=yes",
                host));
        List<Path> out = new ArrayList<>();
        for (String line : r.stderr().lines().toList()) {
            if (line.startsWith("debug1: identity file ") && !line.contains("-cert type ")) {
                String file = line.substring("debug1: identity file ".length(), line.lastIndexOf(" type "));
                out.add(mapped(home, Path.of(file)));
            }
        }
        return out;
    }

    private static List<Path> paths(Path home, String line) {
        List<Path> out = new ArrayList<>();
        for (String w : line.split(" ")) {
            out.add(mapped(home, Path.of(w)));
        }
        return out;
    }

    private static Path mapped(Path home, Path p) {
        return p.startsWith(ACCOUNT_HOME) && !home.equals(ACCOUNT_HOME) ? home.resolve(ACCOUNT_HOME.relativize(p)) : p;
    }

}
