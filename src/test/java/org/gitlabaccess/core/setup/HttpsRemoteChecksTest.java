package org.gitlabaccess.core.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.setup.AccessVerification.RemoteCheck;
import org.gitlabaccess.testkit.GitLabTestServer;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS remotes checked together come to exactly what the real {@code git ls-remote} of each says,
 * while git itself runs only to prove the host and for the remotes that fail.
 */
class HttpsRemoteChecksTest {
    @TempDir
    static Path dir;
    static GitLabTestServer server;
    static Environment env;
    static HttpSettings http;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Processes.available("git"), "git is not installed");
        server = GitLabTestServer.start(dir.resolve("server"));
        base = server.baseUrl();
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        vars.put("GIT_CONFIG_NOSYSTEM", "1");
        Properties props = new Properties();
        props.putAll(System.getProperties());
        env = new Environment(vars, props);
        // The user's git: the instance's CA, and the token in a helper's keeping.
        Files.writeString(home.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n"
                + "[credential]\n\thelper = store\n");
        Files.writeString(home.resolve(".git-credentials"), base.replace("https://", "https://alice:"
                + Seed.WRITE_REPOSITORY_TOKEN + "@") + "\n");
        http = new HttpSettings(env, List.of(server.caFile()));
        // An annotated tag: git lists it twice (the tag and what it points at), JGit once.
        Path bare = server.state().project(Seed.PROJECT_ONE).orElseThrow().bareRepository();
        try (Git git = Git.open(bare.toFile())) {
            PersonIdent who = new PersonIdent("Alice Example", "alice@example.com");
            git.tag().setName("v1.0").setMessage("first release").setAnnotated(true).setTagger(who).call();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Remote remote(String url) {
        return new Remote(null, "origin", url, url, RemoteKind.HTTPS);
    }

    private static String withUser(String url, String token) {
        return url.replace("https://", "https://alice:" + token + "@");
    }

    @Test
    void theBatchAgreesWithGitForEveryRemoteAndRunsGitOnlyWhereItMust() {
        AccessVerification verification = new AccessVerification(env, () -> http, null);
        String one = base + "/" + Seed.PROJECT_ONE + ".git";
        String two = base + "/" + Seed.PROJECT_TWO + ".git";
        String missing = base + "/group/no-such-project.git";
        List<Remote> remotes = List.of(
                remote(one),
                remote(two),
                remote(withUser(one, Seed.WRITE_REPOSITORY_TOKEN)),
                remote(missing),
                remote(withUser(two, Seed.EXPIRED_TOKEN)),
                remote(two));
        List<String> askedGit = new ArrayList<>();
        HttpsRemoteChecks checks = new HttpsRemoteChecks(url -> {
            askedGit.add(url);
            return verification.plainGit(url);
        }, http, new GitCommand(env));

        List<RemoteCheck> batch = checks.check(remotes);

        assertThat(batch).hasSize(remotes.size());
        for (int i = 0; i < remotes.size(); i++) {
            HttpsCheckResult git = verification.plainGit(remotes.get(i).url());
            RemoteCheck c = batch.get(i);
            assertThat(c.remote()).isEqualTo(remotes.get(i));
            assertThat(c.outcome()).as("remote %d", i).isEqualTo(git.outcome());
            assertThat(c.refs()).as("remote %d", i).isEqualTo(git.refs());
        }
        assertThat(batch.get(0).refs()).as("HEAD, main, the tag and its peeled line").isEqualTo(4);
        assertThat(batch.get(3).outcome()).isEqualTo(HttpsCheckResult.Outcome.NOT_FOUND);
        assertThat(batch.get(4).ok()).isFalse();
        // Git proved the host once, then was asked only about the two that failed.
        assertThat(askedGit).containsExactly(one, missing, withUser(two, Seed.EXPIRED_TOKEN));
    }

    @Test
    void withoutAWorkingRemoteEveryOneIsLeftToGit() {
        AccessVerification verification = new AccessVerification(env, () -> http, null);
        List<Remote> remotes = List.of(remote(base + "/group/gone.git"), remote(base + "/group/also-gone.git"));
        List<String> askedGit = new ArrayList<>();
        List<RemoteCheck> batch = new HttpsRemoteChecks(url -> {
            askedGit.add(url);
            return verification.plainGit(url);
        }, http, new GitCommand(env)).check(remotes);

        assertThat(batch).extracting(RemoteCheck::outcome).containsOnly(HttpsCheckResult.Outcome.NOT_FOUND);
        assertThat(askedGit).hasSize(2);
    }

    @Test
    void aCredentialKeptForOnePathIsNotUsedForAnotherWhenGitKeepsThemApart() throws Exception {
        // credential.useHttpPath: git's helpers answer per repository, and project-one has no credential.
        Path home = Files.createDirectories(dir.resolve("per-path"));
        Environment perPath = env.withVariables(Map.of("HOME", home.toString()));
        Files.writeString(home.resolve(".gitconfig"), "[http]\n\tsslCAInfo = " + server.caFile() + "\n"
                + "[credential]\n\thelper = store\n\tuseHttpPath = true\n");
        String two = base + "/" + Seed.PROJECT_TWO + ".git";
        String one = base + "/" + Seed.PROJECT_ONE + ".git";
        Files.writeString(home.resolve(".git-credentials"), withUser(two, Seed.WRITE_REPOSITORY_TOKEN) + "\n");
        AccessVerification verification = new AccessVerification(perPath, () -> http, null);

        List<RemoteCheck> batch = new HttpsRemoteChecks(verification::plainGit, http, new GitCommand(perPath))
                .check(List.of(remote(two), remote(one)));

        assertThat(batch.get(0).ok()).isTrue();
        assertThat(batch.get(1).ok()).as("git has no credential for project-one").isFalse();
        assertThat(batch.get(1).outcome()).isEqualTo(verification.plainGit(one).outcome());
    }
}
