package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gitlabaccess.core.io.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing the host's plain-text secrets from credential files kept in a dotfiles directory behind links. */
class CredentialFilesLinkTest {
    private static final GitHost HOST = GitHost.of("https://gitlab.example.com");

    @TempDir
    Path home;

    @Test
    void gitCredentialsAndNetrcBehindRelativeLinksStayLinksWithTheirModeAndOtherLines() throws Exception {
        Path dotfiles = Files.createDirectories(home.resolve("dotfiles"));
        Path credentials = linked(dotfiles.resolve("git-credentials"), home.resolve(".git-credentials"),
                "https://bob:b@github.com\r\nhttps://alice:glpat-secret@gitlab.example.com\r\n");
        Path netrc = linked(dotfiles.resolve("netrc"), home.resolve(".netrc"),
                "machine github.com login bob password b\nmachine gitlab.example.com login alice password glpat-s\n");

        var fromCredentials = new GitCredentialsFiles(home, home.resolve(".config"), new AtomicFile()).remove(HOST);
        var fromNetrc = new NetrcFiles(home, new AtomicFile()).remove(HOST);

        assertThat(fromCredentials).hasSize(1);
        assertThat(fromNetrc).hasSize(1);
        assertThat(Files.readString(credentials)).isEqualTo("https://bob:b@github.com\r\n");
        assertThat(Files.readString(netrc)).startsWith("machine github.com login bob password b\n")
                .doesNotContain("glpat");
        for (String link : new String[] {".git-credentials", ".netrc"}) {
            assertThat(Files.isSymbolicLink(home.resolve(link))).as(link).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(netrc))).isEqualTo("rw-------");
        assertThat(dotfiles.resolve("git-credentials.lock")).doesNotExist();
    }

    @Test
    void nothingToRemoveTakesNoLockAndWritesNothing() throws Exception {
        Path file = Files.writeString(home.resolve(".git-credentials"), "https://bob:b@github.com\n");
        Files.writeString(home.resolve(".git-credentials.lock"), "held by git");
        Object inode = Files.getAttribute(file, "unix:ino");

        var removed = new GitCredentialsFiles(home, home.resolve(".config"), new AtomicFile()).remove(HOST);

        assertThat(removed).isEmpty();
        assertThat(Files.getAttribute(file, "unix:ino")).isEqualTo(inode);
        assertThat(Files.readString(home.resolve(".git-credentials.lock"))).isEqualTo("held by git");
    }

    private static Path linked(Path target, Path link, String content) throws Exception {
        Files.writeString(target, content);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(link, link.getParent().relativize(target));
        return target;
    }
}
