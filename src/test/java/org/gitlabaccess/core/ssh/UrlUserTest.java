package org.gitlabaccess.core.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.ExecutablePath;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remote that names its user ({@code gitlab@host:group/p.git}, as self-managed instances with another
 * SSH user give) is reached as that user, whatever the configuration's {@code User} says, as git's ssh does.
 */
class UrlUserTest {
    @TempDir
    Path home;

    @Test
    void theUrlsUserBeatsTheConfigurationAndGitIsTheDefault() throws IOException {
        assumeTrue(Processes.available("ssh"), "ssh is needed");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host git.example.com\n  User someone-else\n"
                + "  IdentityFile ~/.ssh/id_%r\n");
        SshConfigLookup lookup = new SshConfigLookup(home, Path.of("/nonexistent-account-home"),
                ExecutablePath.of(Environment.system(), "ssh"), Map.of("HOME", home.toString()), "alice");

        SshConfigLookup.Effective asGitlab = lookup.resolve("gitlab", "git.example.com", 22, false);
        SshConfigLookup.Effective asGit = lookup.resolve("git.example.com", 22, false);

        assertThat(asGitlab.user()).isEqualTo("gitlab");
        assertThat(asGitlab.identityFiles()).containsExactly(home.resolve(".ssh/id_gitlab"));
        assertThat(asGit.user()).isEqualTo("git");
        assertThat(asGit.identityFiles()).containsExactly(home.resolve(".ssh/id_git"));
    }
}
