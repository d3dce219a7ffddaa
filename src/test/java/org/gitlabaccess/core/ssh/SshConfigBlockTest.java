package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.AtomicFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshConfigBlockTest {
    @TempDir
    Path home;

    private SshConfigBlock.Settings settings(int port) {
        return new SshConfigBlock.Settings(new SshEndpoint("gitlab.example.com", "ssh.gitlab.example.com", port),
                home.resolve(".ssh/id_ed25519_gitlab.example.com"), home, false);
    }

    @Test
    void aNewBlockGoesAfterGlobalOptionsAndBeforeTheFirstHost() {
        String before = "# my config\nServerAliveInterval 60\n\nHost work\n  HostName work.example.com\n";
        var edit = SshConfigBlock.apply(before, settings(2222));
        assertThat(edit.content()).isEqualTo("# my config\nServerAliveInterval 60\n\n"
                + "# BEGIN gitlab-access gitlab.example.com\n"
                + "# Written by GitLab Access Wizard; this block is replaced when it runs again.\n"
                + "Host gitlab.example.com\n  HostName ssh.gitlab.example.com\n  Port 2222\n  User git\n"
                + "  IdentityFile ~/.ssh/id_ed25519_gitlab.example.com\n  IdentitiesOnly yes\n  AddKeysToAgent yes\n"
                + "# END gitlab-access gitlab.example.com\n\nHost work\n  HostName work.example.com\n");
    }

    @Test
    void twoInstancesGetTwoSeparateBlocksAndRewritingOneKeepsTheOther() {
        var one = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.one.example", 22),
                home.resolve(".ssh/id_ed25519_one"), home, false);
        var two = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.two.example", 2222),
                home.resolve(".ssh/id_ed25519_two"), home, false);
        String user = "Host work\n  HostName work.example.com\n";
        String both = SshConfigBlock.apply(SshConfigBlock.apply(user, one).content(), two).content();
        // Each block is whole: BEGIN, its own Host, END, with no other block inside it.
        assertThat(both).containsSubsequence(SshConfigBlock.begin("gitlab.two.example"), "Host gitlab.two.example",
                SshConfigBlock.end("gitlab.two.example"), SshConfigBlock.begin("gitlab.one.example"),
                "Host gitlab.one.example", SshConfigBlock.end("gitlab.one.example"), "Host work");

        var moved = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.one.example", 443),
                home.resolve(".ssh/id_ed25519_one"), home, false);
        String after = SshConfigBlock.apply(both, moved).content();
        assertThat(after).contains("Host gitlab.two.example\n", "Port 2222", "id_ed25519_two", "Port 443",
                "Host work\n");
        assertThat(SshConfigBlock.apply(after, two).changed()).as("the second block survived whole").isFalse();
    }

    @Test
    void reRunningReplacesOnlyTheBlockAndIsIdempotent() {
        String user = "Host a\n  User x\r\n\n\tIdentityFile   ~/weird spacing\nHost *\n  ForwardAgent no";
        var first = SshConfigBlock.apply(user, settings(22));
        var second = SshConfigBlock.apply(first.content(), settings(22));
        assertThat(second.changed()).isFalse();
        var moved = SshConfigBlock.apply(first.content(), settings(443));
        assertThat(moved.content()).contains("  Port 443");
        String outside = moved.content().replaceAll("(?s)# BEGIN gitlab-access.*# END gitlab-access gitlab.example.com\r?\n", "");
        String outsideFirst = first.content().replaceAll("(?s)# BEGIN gitlab-access.*# END gitlab-access gitlab.example.com\r?\n", "");
        assertThat(outside).isEqualTo(outsideFirst);
        assertThat(outside.replaceFirst("\r?\n", "")).contains("  User x\r\n\n\tIdentityFile   ~/weird spacing\n")
                .endsWith("  ForwardAgent no");
    }

    @Test
    void reportsOtherEntriesAndIncludesThatMatch() {
        String user = "Include ~/.ssh/config.d/*\nHost *.example.com !internal.example.com\n  User someone\n";
        var edit = SshConfigBlock.apply(user, settings(22));
        assertThat(edit.notices()).anySatisfy(n -> assertThat(n).contains("includes ~/.ssh/config.d/*"));
        assertThat(edit.notices()).anySatisfy(n -> assertThat(n).contains("Host *.example.com !internal.example.com")
                .contains("line 2"));
        assertThat(HostPatterns.matchesHostLine("*.example.com !gitlab.example.com", "gitlab.example.com")).isFalse();
    }

    @Test
    void anUnterminatedBlockIsRefusedAndNothingChanges() throws Exception {
        Path file = home.resolve(".ssh/config");
        Files.createDirectories(file.getParent());
        String broken = "# BEGIN gitlab-access gitlab.example.com\nHost gitlab.example.com\n";
        Files.writeString(file, broken);
        assertThatThrownBy(() -> SshConfigBlock.writeTo(file, settings(22), new AtomicFile()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.reason()).isEqualTo("ssh-config-corrupt"));
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void writesANewConfigOwnerOnlyAndBacksUpAnExistingOne() throws Exception {
        Path file = home.resolve(".ssh/config");
        SshConfigBlock.writeTo(file, settings(22), new AtomicFile());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".bak"))).isEmpty();
        }
        SshConfigBlock.writeTo(file, settings(2022), new AtomicFile());
        try (var files = Files.list(file.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".bak"))).hasSize(1);
        }
        SshConfigBlock.writeTo(file, settings(2022), new AtomicFile());
        try (var files = Files.list(file.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".bak"))).hasSize(1);
        }
    }
}
