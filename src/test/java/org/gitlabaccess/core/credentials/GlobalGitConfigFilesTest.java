package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The credential helper and CA settings are written into the user's global git configuration the way
 * git writes it, but in-process: a {@code ~/.gitconfig} linked into a dotfiles directory stays a link,
 * keeps its mode, and every line the settings do not concern keeps its bytes (CRLF, quotes, spacing).
 */
class GlobalGitConfigFilesTest {
    private static final GitHost HOST = GitHost.of("https://gitlab.example.com");
    private static final String USER = "[user]\r\n\tname  = \"A  B\"  \r\n";
    private static final String ALIAS = "[alias]\r\n\tco = checkout ; short\r\n";

    @TempDir
    Path dir;

    @Test
    void theHelperSectionMovesToTheEndAndNothingElseChanges() throws Exception {
        Sandbox s = Sandbox.in(dir.resolve("home"));
        Path target = linkedGitconfig(s, USER + "[credential \"https://gitlab.example.com\"]\r\n\thelper = store\r\n"
                + ALIAS);
        HelperSpec spec = HelperSpec.Secure.named("manager");

        new HelperConfigurator(s.git(), new AtomicFile()).configure(HOST, spec);

        assertThat(Files.readString(target)).isEqualTo(USER + ALIAS + "[credential \"https://gitlab.example.com\"]\r\n"
                + "\thelper = \r\n\thelper = " + spec.configValue() + "\r\n");
        assertKeptLinkAndMode(s, target);
        Processes.Result git = Processes.run(s.home(), s.processEnv(), "git", "config", "--global", "--get-all",
                "credential.https://gitlab.example.com.helper");
        assertThat(git.stdout()).isEqualTo("\n" + spec.configValue() + "\n");
    }

    @Test
    void theCaSettingIsSetOnceInPlaceWithTheFilesLineEnding() throws Exception {
        Sandbox s = Sandbox.in(dir.resolve("home"));
        Path target = linkedGitconfig(s, USER + ALIAS);
        Path pem = TestCertificates.create("Files Test CA").writeCaPem(dir.resolve("ca.pem"));
        var configurator = new GitCaConfigurator(s.git(), AppDirectories.of(s.env()), new AtomicFile());

        var result = configurator.configure(HOST, pem);
        configurator.configure(HOST, pem);

        assertThat(Files.readString(target)).isEqualTo(USER + ALIAS + "[http \"https://gitlab.example.com/\"]\r\n"
                + "\tsslCAInfo = " + result.pem() + "\r\n");
        assertKeptLinkAndMode(s, target);
    }

    private Path linkedGitconfig(Sandbox s, String content) throws Exception {
        Path dotfiles = Files.createDirectories(s.home().resolve("dotfiles"));
        Path target = Files.writeString(dotfiles.resolve("gitconfig"), content);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(s.home().resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));
        return target;
    }

    private static void assertKeptLinkAndMode(Sandbox s, Path target) throws Exception {
        assertThat(Files.readSymbolicLink(s.home().resolve(".gitconfig"))).isEqualTo(Path.of("dotfiles/gitconfig"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(AtomicFile.lockFileOf(target)).doesNotExist();
    }
}
