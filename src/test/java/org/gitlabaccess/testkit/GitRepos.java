package org.gitlabaccess.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes and inspects real repositories with the real {@code git}, against a sandbox home, so that
 * tests see exactly what git sees ({@code git remote -v}, {@code git config --get}).
 */
public final class GitRepos {
    private final Map<String, String> env;

    public GitRepos(Path home) {
        env = Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1", "GIT_AUTHOR_NAME", "Test",
                "GIT_AUTHOR_EMAIL", "test@example.com", "GIT_COMMITTER_NAME", "Test",
                "GIT_COMMITTER_EMAIL", "test@example.com", "GIT_TERMINAL_PROMPT", "0", "XDG_CONFIG_HOME",
                home.resolve(".config").toString());
    }

    /** Runs git in {@code dir}; fails the test when git fails. */
    public String git(Path dir, String... args) throws IOException {
        Processes.Result r = tryGit(dir, args);
        if (r.exitCode() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + r.all());
        }
        return r.stdout();
    }

    public Processes.Result tryGit(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        return Processes.run(dir, env, null, cmd);
    }

    /** A repository with one commit (so that worktrees and submodules can be made from it). */
    public Path init(Path dir) throws IOException {
        Files.createDirectories(dir);
        git(dir, "init", "-q", "-b", "main");
        git(dir, "commit", "-q", "--allow-empty", "-m", "first");
        return dir;
    }

    public Path bare(Path dir) throws IOException {
        Files.createDirectories(dir);
        git(dir, "init", "-q", "--bare");
        return dir;
    }

    public void remote(Path repo, String name, String url) throws IOException {
        git(repo, "remote", "add", name, url);
    }

    /** {@code git config --get key}, trimmed; "" when unset. */
    public String config(Path repo, String key) throws IOException {
        return tryGit(repo, "config", "--get", key).stdout().strip();
    }

    public String remotes(Path repo) throws IOException {
        return git(repo, "remote", "-v");
    }
}
