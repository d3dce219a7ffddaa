package org.gitlabaccess.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where git's system configuration is known without starting git, and where git must still be asked. */
class GitSystemConfigPathTest {
    @TempDir
    Path dir;

    private static Environment linux(Map<String, String> variables) {
        Properties p = new Properties();
        p.setProperty("os.name", "Linux");
        return new Environment(variables, p);
    }

    @Test
    void gitConfigSystemNamesTheFile() {
        assertThat(GitSystemConfigPath.known(linux(Map.of("GIT_CONFIG_SYSTEM", "/opt/site/gitconfig", "PATH", ""))))
                .contains(new File("/opt/site/gitconfig"));
    }

    @Test
    void theDistributionsGitReachedThroughALinkReadsEtcGitconfig() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "no distribution git here");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("git"), Path.of("/usr/bin/git"));
        assertThat(GitSystemConfigPath.known(linux(Map.of("PATH", bin.toString()))))
                .contains(new File("/etc/gitconfig"));
    }

    @Test
    void anyOtherGitFirstOnThePathIsAskedAsBefore() throws Exception {
        // A git built under another prefix may keep its system file anywhere: only it can say.
        Path bin = Files.createDirectories(dir.resolve("local/bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(GitSystemConfigPath.known(linux(Map.of("PATH", bin + ":/usr/bin")))).isEmpty();
        assertThat(GitSystemConfigPath.known(linux(Map.of("PATH", "")))).isEmpty();
        Properties mac = new Properties();
        mac.setProperty("os.name", "Mac OS X");
        assertThat(GitSystemConfigPath.known(new Environment(Map.of("PATH", "/usr/bin"), mac))).isEmpty();
    }

    @Test
    void withoutAskingGitsDefaultBuildLayoutIsTaken() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("opt/git/bin"));
        Path git = Files.writeString(bin.resolve("git"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(GitSystemConfigPath.buildDefault(linux(Map.of("PATH", bin + ":/usr/bin"))))
                .contains(dir.resolve("opt/git/etc/gitconfig").toFile());
        // Not installed as <prefix>/bin/git: no layout to go by.
        Path loose = Files.createDirectories(dir.resolve("loose"));
        Files.copy(git, loose.resolve("git"));
        assertThat(GitSystemConfigPath.buildDefault(linux(Map.of("PATH", loose.toString())))).isEmpty();
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "no distribution git here");
        assertThat(GitSystemConfigPath.buildDefault(linux(Map.of("PATH", "/usr/bin"))))
                .contains(new File("/etc/gitconfig"));
    }

    @Test
    void gitForWindowsKeepsItsSystemFileInItsInstallationsEtc() throws Exception {
        Path install = dir.resolve("Git");
        Path cmd = Files.createDirectories(install.resolve("cmd"));
        Path mingw = Files.createDirectories(install.resolve("mingw64/bin"));
        Files.writeString(cmd.resolve("git.exe"), "");
        Files.writeString(mingw.resolve("git.exe"), "");
        Path system = Files.writeString(Files.createDirectories(install.resolve("etc")).resolve("gitconfig"), "");
        assertThat(GitSystemConfigPath.gitForWindows("C:\\nothing;" + cmd)).contains(system.toFile());
        assertThat(GitSystemConfigPath.gitForWindows(mingw.toString())).contains(system.toFile());
        assertThat(GitSystemConfigPath.gitForWindows(dir.resolve("elsewhere").toString())).isEmpty();
    }
}
