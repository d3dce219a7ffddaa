package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.gitlabaccess.testkit.Processes;
import org.gitlabaccess.testkit.RunningServer;
import org.gitlabaccess.testkit.Seed;
import org.gitlabaccess.testkit.TestProject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code repos clone}: the projects of the account, over SSH and HTTPS, never touching what is there. */
class ReposCloneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final RunningServer running = new RunningServer();

    @BeforeAll
    static void start() throws Exception {
        // A project whose repository is gone on the server: its clone fails midway.
        running.get().state().addProject(new TestProject(3, "group/broken", "Gone", running.directory("gone").resolve("nowhere.git"),
                Set.of(1L, 2L)));
    }

    private static CliRunner.Result run(Path home, String token, String... rest) {
        List<String> args = new java.util.ArrayList<>(List.of(rest));
        args.addAll(List.of("--host", running.get().baseUrl(), "--ca-file", running.get().caFile().toString()));
        return new CliRunner(home).env("GITLAB_TOKEN", token).run(args.toArray(String[]::new));
    }

    @Test
    void clonesOverSshSkipsWhatIsThereAndLeavesNothingOfAFailedClone() throws Exception {
        assumeTrue(Processes.available("git") && Processes.available("ssh"));
        Path home = running.directory("ssh");
        var setup = run(home, Seed.API_TOKEN, "setup", "--method", "ssh", "--yes");
        assertThat(setup.exitCode()).as(setup.err() + setup.out()).isZero();
        Path existing = Files.createDirectories(home.resolve("src/group/project-two"));
        Files.writeString(existing.resolve("mine.txt"), "work in progress\n");

        var cloned = run(home, Seed.API_TOKEN, "repos", "clone", "--all", "--json");
        assertThat(cloned.exitCode()).as("the broken project fails: " + cloned.err()).isEqualTo(1);
        JsonNode doc = JSON.readTree(cloned.out());
        assertThat(doc.get("cloned")).as(cloned.out()).hasSize(1);
        assertThat(doc.get("cloned").get(0).get("project").asText()).isEqualTo(Seed.PROJECT_ONE);
        assertThat(doc.get("skipped").get(0).get("reason").asText()).isEqualTo("exists");
        assertThat(doc.get("failed").get(0).get("project").asText()).isEqualTo("group/broken");

        Path one = home.resolve("src/group/project-one");
        Map<String, String> git = Map.of("HOME", home.toString());
        assertThat(Processes.run(one, git, "git", "config", "--get", "remote.origin.url").stdout().strip())
                .isEqualTo(running.get().sshUrl(Seed.PROJECT_ONE));
        assertThat(Processes.run(one, git, "git", "log", "--oneline", "-1").exitCode()).isZero();
        assertThat(Files.readString(existing.resolve("mine.txt"))).isEqualTo("work in progress\n");
        try (Stream<Path> left = Files.list(home.resolve("src/group"))) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("nothing of the failed clone, no staging directory")
                    .containsExactlyInAnyOrder("project-one", "project-two");
        }
    }

    @Test
    void clonesOverHttpsWithTheStoredCredential() throws Exception {
        assumeTrue(Processes.available("git"));
        Path home = running.directory("https");
        Map<String, String> git = Map.of("HOME", home.toString());
        var setup = run(home, Seed.WRITE_REPOSITORY_TOKEN, "setup", "--method", "https", "--yes",
                "--credential-helper", "cache");
        try {
            assertThat(setup.exitCode()).as(setup.err() + setup.out()).isZero();
            Path root = home.resolve("work");
            // Listing the projects needs read_api: a token of its own; git clones with the stored credential.
            var cloned = run(home, Seed.API_TOKEN, "repos", "clone", Seed.PROJECT_ONE, Seed.PROJECT_TWO,
                    "--method", "https", "--dir", root.toString(), "--json");
            assertThat(cloned.exitCode()).as(cloned.err() + cloned.out()).isZero();
            assertThat(JSON.readTree(cloned.out()).get("cloned")).hasSize(2);
            Path two = root.resolve(Seed.PROJECT_TWO);
            assertThat(Processes.run(two, git, "git", "config", "--get", "remote.origin.url").stdout().strip())
                    .isEqualTo(running.get().httpUrl(Seed.PROJECT_TWO));
            assertThat(cloned.all()).doesNotContain(Seed.WRITE_REPOSITORY_TOKEN);
        } finally {
            Processes.run(home, git, "git", "credential-cache", "exit");
        }
    }

    @Test
    void withoutASelectionNothingIsClonedAndTheUserIsToldHowToChoose() throws Exception {
        Path home = running.directory("none");
        var r = run(home, Seed.API_TOKEN, "repos", "clone");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--group").contains("--all");
        assertThat(home.resolve("src")).doesNotExist();
    }
}
