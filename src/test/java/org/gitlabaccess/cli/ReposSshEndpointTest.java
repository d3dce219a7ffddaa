package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.GitRepos;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a token and no SSH address configured, {@code rewrite --to ssh} asks GitLab for {@code ssh_url_to_repo}. */
class ReposSshEndpointTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void start() throws IOException {
        server = GitLabTestServer.start(dir.resolve("server"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void theSshHostAndPortComeFromTheApiWhenATokenIsGiven() throws Exception {
        GitRepos git = new GitRepos(home);
        Path repo = git.init(home.resolve("src/one"));
        git.remote(repo, "origin", server.httpUrl(Seed.PROJECT_ONE));

        var r = new CliRunner(home).env("GITLAB_TOKEN", Seed.API_TOKEN).run("repos", "rewrite", "--to", "ssh",
                "--host", server.baseUrl(), "--ca-file", server.caFile().toString(), home.resolve("src").toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(server.sshPort()).isNotEqualTo(22);
        assertThat(git.config(repo, "remote.origin.url")).isEqualTo(server.sshUrl(Seed.PROJECT_ONE))
                .startsWith("ssh://git@127.0.0.1:" + server.sshPort() + "/");
        assertThat(r.all()).doesNotContain(Seed.API_TOKEN.substring(6));
    }
}
