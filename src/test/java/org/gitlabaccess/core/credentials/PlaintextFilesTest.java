package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and removing the host's secrets in ~/.git-credentials, the XDG credentials file and ~/.netrc. */
class PlaintextFilesTest {
    static final GitHost HOST = GitHost.of("https://gitlab.example.com");

    @TempDir
    Path home;

    private void write(Path file, String content, String perms) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        if (FilePermissions.isPosix()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        }
    }

    private String perms(Path file) throws IOException {
        return FilePermissions.isPosix() ? PosixFilePermissions.toString(Files.getPosixFilePermissions(file)) : "";
    }

    @Test
    void gitCredentialsEntriesForTheHostAreFoundThenRemovedKeepingEverythingElse() throws IOException {
        String keep1 = "https://bob:bob-secret-1@github.com\n";
        String keep3 = "https://x:port-secret@gitlab.example.com:8443\n";
        String keep5 = "https://other:zz-secret@gitlab.example.com.evil.test\n";
        String keep6 = "https://l%C3%A4st:k@example.org"; // no final newline, non-ASCII escaped
        String content = keep1
                + "https://alice:glpat-OLDsecret0001@gitlab.example.com\n"
                + keep3
                + "https://al%40ice:glpat-OLDsecret0002@GitLab.Example.com:443/group/p.git\r\n"
                + keep5
                + keep6;
        Path file = home.resolve(".git-credentials");
        write(file, content, "rw-r-----");
        Path xdg = home.resolve(".config/git/credentials");
        write(xdg, "https://carol:glpat-XDGsecret0003@gitlab.example.com\n", "rw-------");
        GitCredentialsFiles files = new GitCredentialsFiles(home, home.resolve(".config"), new AtomicFile());

        var found = files.find(HOST);
        assertThat(found).extracting(PlaintextFinding::line).containsExactly(2, 4, 1);
        assertThat(found).extracting(PlaintextFinding::username).containsExactly(Optional.of("alice"),
                Optional.of("al@ice"), Optional.of("carol"));
        assertThat(found.get(0).describe(home)).isEqualTo(
                "plaintext secret for gitlab.example.com (user alice) in ~/.git-credentials (line 2)");
        assertThat(found.toString()).doesNotContain("OLDsecret").doesNotContain("XDGsecret");
        // Finding changes nothing.
        assertThat(Files.readString(file)).isEqualTo(content);

        var removed = files.remove(HOST);
        assertThat(removed).hasSize(3);
        assertThat(Files.readAllBytes(file)).isEqualTo((keep1 + keep3 + keep5 + keep6).getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(xdg)).isEmpty();
        assertThat(perms(file)).isEqualTo(FilePermissions.isPosix() ? "rw-r-----" : "");
        assertThat(perms(xdg)).isEqualTo(FilePermissions.isPosix() ? "rw-------" : "");
        assertThat(files.find(HOST)).isEmpty();
        // No backup holds the secrets.
        try (var listing = Files.list(home)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".git-credentials",
                    ".config");
        }
    }

    @Test
    void aPortIsPartOfTheHost() throws IOException {
        Path file = home.resolve(".git-credentials");
        write(file, "https://a:s1-secret@127.0.0.1:8443\nhttps://a:s2-secret@127.0.0.1:9443\nhttps://a:s3@127.0.0.1\n",
                "rw-------");
        var files = new GitCredentialsFiles(home, home.resolve(".config"), new AtomicFile());
        assertThat(files.find(GitHost.of("https://127.0.0.1:8443"))).extracting(PlaintextFinding::line)
                .containsExactly(1);
        files.remove(GitHost.of("https://127.0.0.1:8443"));
        assertThat(Files.readString(file)).isEqualTo("https://a:s2-secret@127.0.0.1:9443\nhttps://a:s3@127.0.0.1\n");
    }

    @Test
    void netrcMachineEntriesAreRemovedWhereverTheirTokensAre() throws IOException {
        String content = """
                # company netrc
                machine github.com login bob password gh-secret

                machine gitlab.example.com
                  login alice
                  password glpat-NETRCsecret01

                default login anonymous password guest@
                macdef init
                machine gitlab.example.com login fake password inside-macro

                machine a.example login a password a-secret machine GITLAB.example.com login x password y-secret-2 machine b.example login b password b
                """;
        String expected = """
                # company netrc
                machine github.com login bob password gh-secret


                default login anonymous password guest@
                macdef init
                machine gitlab.example.com login fake password inside-macro

                machine a.example login a password a-secret machine b.example login b password b
                """;
        Path netrc = home.resolve(".netrc");
        write(netrc, content, "rw-------");
        Path underscore = home.resolve("_netrc");
        write(underscore, "machine gitlab.example.com login \"q u\" password \"with space\"\n", "rw-r--r--");
        NetrcFiles files = new NetrcFiles(home, new AtomicFile());

        var found = files.find(HOST);
        assertThat(found).extracting(PlaintextFinding::line).containsExactly(4, 12, 1);
        assertThat(found).extracting(PlaintextFinding::username).containsExactly(Optional.of("alice"), Optional.of("x"),
                Optional.of("q u"));
        assertThat(found.get(0).describe(home)).isEqualTo(
                "plaintext secret for gitlab.example.com (user alice) in ~/.netrc (line 4)");

        files.remove(HOST);
        assertThat(Files.readString(netrc)).isEqualTo(expected);
        assertThat(Files.readString(underscore)).isEmpty();
        assertThat(perms(netrc)).isEqualTo(FilePermissions.isPosix() ? "rw-------" : "");
        assertThat(perms(underscore)).isEqualTo(FilePermissions.isPosix() ? "rw-r--r--" : "");
        assertThat(files.find(HOST)).isEmpty();
    }

    @Test
    void missingFilesAreNoFindings() {
        assertThat(new NetrcFiles(home, new AtomicFile()).find(HOST)).isEmpty();
        assertThat(new GitCredentialsFiles(home, home.resolve(".config"), new AtomicFile()).remove(HOST)).isEmpty();
    }
}
