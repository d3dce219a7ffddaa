package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan and the reading of remotes, as the commands run them. */
class RepositoryInventoryTest {
    @TempDir
    Path dir;

    @Test
    void scanningAndReadingRemotesStartsNoProcessAndStillReadsGitsSystemFile() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path repo = new GitRepos(home).init(home.resolve("src/app"));
        new GitRepos(home).remote(repo, "origin", "https://gitlab.example.com/group/app.git");
        // A git of its own build first on the path: started, it would leave the marker. Its default
        // build reads <prefix>/etc/gitconfig, whose rule turns the remote into SSH.
        Path prefix = dir.resolve("opt/git");
        Path git = Files.createDirectories(prefix.resolve("bin")).resolve("git");
        Path marker = dir.resolve("git-was-started");
        Files.writeString(git, "#!/bin/sh\ntouch '" + marker + "'\nexec /usr/bin/git \"$@\"\n");
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(prefix.resolve("etc"));
        Files.writeString(prefix.resolve("etc/gitconfig"),
                "[url \"git@gitlab.example.com:\"]\n\tinsteadOf = https://gitlab.example.com/\n");
        Properties linux = new Properties();
        linux.setProperty("os.name", "Linux");
        Environment env = new Environment(Map.of("HOME", home.toString(),
                "PATH", prefix.resolve("bin") + ":" + System.getenv("PATH")), linux);

        RepositoryInventory inventory = new RepositoryInventory(env);
        ScanResult scan = inventory.scan(List.of(home), ScanListener.NONE, new ScanCancellation());
        List<RepositoryRemotes> remotes = inventory.remotes(scan,
                GitLabTarget.of("https://gitlab.example.com", Optional.empty(), Optional.empty()));
        inventory.skipped(scan, remotes);

        assertThat(marker).doesNotExist();
        assertThat(remotes).singleElement().satisfies(r -> {
            assertThat(r.repository().path()).isEqualTo(repo);
            assertThat(r.urls()).extracting(RemoteUrl::kind).containsExactly(RemoteKind.SSH);
        });
    }

    @Test
    void rulesInIncludedFilesApplyAsGitResolvesTheirPaths() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        GitRepos git = new GitRepos(home);
        Path tilde = git.init(home.resolve("src/tilde"));
        git.remote(tilde, "origin", "https://gitlab.example.com/a/tilde.git");
        Path relative = git.init(home.resolve("src/relative"));
        git.remote(relative, "origin", "https://gitlab.example.com/b/relative.git");
        Files.createDirectories(home.resolve(".config/git"));
        Files.writeString(home.resolve(".gitconfig"), "[include]\n\tpath = ~/.gitconfig.d/a\n");
        Files.createDirectories(home.resolve(".gitconfig.d"));
        Files.writeString(home.resolve(".gitconfig.d/a"),
                "[url \"git@gitlab.example.com:a/\"]\n\tinsteadOf = https://gitlab.example.com/a/\n");
        // Relative to the including file's directory: ~/.config/git/b.
        Files.writeString(home.resolve(".config/git/config"), "[include]\n\tpath = b\n");
        Files.writeString(home.resolve(".config/git/b"),
                "[url \"git@gitlab.example.com:b/\"]\n\tinsteadOf = https://gitlab.example.com/b/\n");
        Environment env = new Environment(Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1"), new Properties());

        RepositoryInventory inventory = new RepositoryInventory(env);
        ScanResult scan = inventory.scan(List.of(home), ScanListener.NONE, new ScanCancellation());
        List<RepositoryRemotes> remotes = inventory.remotes(scan,
                GitLabTarget.of("https://gitlab.example.com", Optional.empty(), Optional.empty()));

        assertThat(remotes).hasSize(2).allSatisfy(r ->
                assertThat(r.urls()).extracting(RemoteUrl::kind).containsExactly(RemoteKind.SSH));
    }
}
