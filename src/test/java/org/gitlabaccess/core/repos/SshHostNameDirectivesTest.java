package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When ssh must be asked what a host in a remote really is, and when no configuration can rename one. */
class SshHostNameDirectivesTest {
    @TempDir
    Path dir;
    private Path home;
    private Path system;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(home.resolve(".ssh"));
        system = Files.createDirectories(dir.resolve("etc-ssh"));
        Files.createDirectories(system.resolve("ssh_config.d"));
        Files.writeString(system.resolve("ssh_config"), "Include ssh_config.d/*.conf\nHost *\n    SendEnv LANG LC_*\n");
    }

    /** Writes {@code ~/.ssh/config} and asks. */
    private boolean mayRenameWith(String userConfig) throws Exception {
        Files.writeString(home.resolve(".ssh/config"), userConfig);
        return SshHostNameDirectives.mayRename(home, system);
    }

    @Test
    void configurationsWithoutHostNameRenameNothing() throws Exception {
        Files.writeString(home.resolve(".ssh/extra"), "Host work\n  User git\n");
        Files.writeString(system.resolve("ssh_config.d/site.conf"), "Host *\n  ServerAliveInterval 30\n");
        assertThat(mayRenameWith("Host *\n  IdentitiesOnly yes\nInclude extra ~/.ssh/more\n")).isFalse();
    }

    @Test
    void aHostNameAnywhereSshReadsMeansAsking() throws Exception {
        Path site = Files.writeString(system.resolve("ssh_config.d/site.conf"), "Host gl\n  hostname gitlab.example.com\n");
        assertThat(mayRenameWith("Host *\n  IdentitiesOnly yes\n")).isTrue();

        Files.delete(site);
        Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(home.resolve(".ssh/conf.d/work"), "Host *\n  CanonicalizeHostname yes\n");
        assertThat(mayRenameWith("Include conf.d/*\n")).isTrue();
    }

    @Test
    void anIncludeNotFollowedWithCertaintyMeansAsking() throws Exception {
        assertThat(mayRenameWith("Include \"with space/x\"\n")).isTrue();
        assertThat(mayRenameWith("Include %d/.ssh/x\n")).isTrue();
        assertThat(mayRenameWith("Include */x\n")).isTrue();
        // An include of itself nests past ssh's limit.
        assertThat(mayRenameWith("Include config\n")).isTrue();
    }
}
