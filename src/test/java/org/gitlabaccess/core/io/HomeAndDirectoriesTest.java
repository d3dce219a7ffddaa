package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeAndDirectoriesTest {
    @TempDir
    Path dir;

    private static Environment env(String os, Map<String, String> vars) {
        Properties p = new Properties();
        p.setProperty("os.name", os);
        p.setProperty("user.home", "/home/from-jvm");
        return new Environment(vars, p);
    }

    @Test
    void homeFollowsTheHomeVariableAsGitAndSshDo() {
        assertThat(UserHome.resolve(env("Linux", Map.of("HOME", "/sandbox/home")))).isEqualTo(Path.of("/sandbox/home"));
    }

    @Test
    void homeFallsBackToTheJvmWhenHomeIsUnsetOrEmpty() {
        assertThat(UserHome.resolve(env("Linux", Map.of()))).isEqualTo(Path.of("/home/from-jvm"));
        assertThat(UserHome.resolve(env("Linux", Map.of("HOME", "")))).isEqualTo(Path.of("/home/from-jvm"));
    }

    @Test
    void windowsUsesUserProfile() {
        Map<String, String> vars = new HashMap<>();
        vars.put("USERPROFILE", dir.resolve("Users").resolve("alice").toString());
        vars.put("HOME", "/ignored/unless/no/profile");
        assertThat(UserHome.resolve(env("Windows 11", vars))).isEqualTo(dir.resolve("Users").resolve("alice"));
    }

    @Test
    void stateDirectoryFollowsXdgOrItsDefault() {
        var withXdg = AppDirectories.of(env("Linux", Map.of("HOME", "/h", "XDG_STATE_HOME", "/xdg/state")));
        assertThat(withXdg.stateDir()).isEqualTo(Path.of("/xdg/state/gitlab-access"));
        var plain = AppDirectories.of(env("Linux", Map.of("HOME", "/h")));
        assertThat(plain.stateDir()).isEqualTo(Path.of("/h/.local/state/gitlab-access"));
        assertThat(plain.configDir()).isEqualTo(Path.of("/h/.config/gitlab-access"));
        var relativeXdg = AppDirectories.of(env("Linux", Map.of("HOME", "/h", "XDG_STATE_HOME", "relative")));
        assertThat(relativeXdg.stateDir()).isEqualTo(Path.of("/h/.local/state/gitlab-access"));
        var mac = AppDirectories.of(env("Mac OS X", Map.of("HOME", "/Users/a")));
        assertThat(mac.stateDir()).isEqualTo(Path.of("/Users/a/Library/Application Support/GitLabAccess"));
    }

    @Test
    void jgitReadsTheSandboxHomesGitConfig() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = Sandbox User\n");
        SystemReader before = SystemReader.getInstance();
        java.io.File userHomeBefore = FS.DETECTED.userHome();
        try {
            JGitHome.apply(env("Linux", Map.of("HOME", home.toString())));
            assertThat(FS.DETECTED.userHome().toPath()).isEqualTo(home);
            assertThat(SystemReader.getInstance().getUserConfig().getString("user", null, "name"))
                    .isEqualTo("Sandbox User");
            assertThat(SystemReader.getInstance().getenv("HOME")).isEqualTo(home.toString());
        } finally {
            SystemReader.setInstance(before);
            FS.DETECTED.setUserHome(userHomeBefore);
        }
    }
}
