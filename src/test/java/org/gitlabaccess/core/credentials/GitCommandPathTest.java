package org.gitlabaccess.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.io.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which git runs: the one in an absolute directory of the user's PATH, never one the current directory holds. */
class GitCommandPathTest {
    @TempDir
    Path home;

    @Test
    void aGitReachableOnlyThroughARelativePathEntryIsNeverStarted() throws Exception {
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"));
        Path cwd = Path.of("").toAbsolutePath();
        Path planted = Files.createDirectories(cwd.resolve("target/planted-git-" + ProcessHandle.current().pid()));
        Path ran = home.resolve("planted git ran");
        Path git = Files.writeString(planted.resolve("git"), "#!/bin/sh\n: > '" + ran + "'\necho 'git version 2.99.0'\n");
        assumeTrue(git.toFile().setExecutable(true));
        try {
            Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", ":" + cwd.relativize(planted)),
                    new Properties());
            assertThatThrownBy(() -> new GitCommand(env).requireUsable()).isInstanceOf(ProblemException.class)
                    .satisfies(e -> assertThat(((ProblemException) e).reason()).isEqualTo("git-missing"));
            assertThat(ran).doesNotExist();
        } finally {
            Files.delete(git);
            Files.delete(planted);
        }
    }
}
