package org.gitlabaccess.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gitlabaccess.testkit.GitRepos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repos scan | rewrite | undo} end to end, checked with the real git. */
class ReposCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "glpat-xxxxxxxxxxxxxxxxxxxx";
    private static final String SECRET_PART = "xxxxxxxxxxxx";
    private static final String HOST = "https://gitlab.example.com";

    @TempDir
    Path home;

    private GitRepos git;
    private Path src;
    private Path embedded;
    private Path ssh;
    private Path https;
    private Path other;
    private Path bare;

    @BeforeEach
    void repositories() throws Exception {
        git = new GitRepos(home);
        src = home.resolve("src");
        embedded = git.init(src.resolve("embedded"));
        git.remote(embedded, "origin", "https://oauth2:" + TOKEN + "@gitlab.example.com/group/embedded.git");
        ssh = git.init(src.resolve("ssh"));
        git.remote(ssh, "origin", "git@gitlab.example.com:group/ssh.git");
        https = git.init(src.resolve("https"));
        git.remote(https, "origin", "https://gitlab.example.com/group/sub/https.git");
        git.git(https, "remote", "set-url", "--push", "origin", "https://gitlab.example.com/group/sub/https.git");
        git.remote(https, "github", "https://github.com/someone/fork.git");
        other = git.init(src.resolve("other"));
        git.remote(other, "origin", "/srv/git/other.git");
        bare = git.bare(src.resolve("mirror.git"));
        git.remote(bare, "origin", "https://gitlab.example.com/group/mirror.git");
    }

    private CliRunner cli() {
        return new CliRunner(home);
    }

    private CliRunner.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", HOST));
        return cli().run(all.toArray(String[]::new));
    }

    @Test
    void scanPrintsTheContractsJsonWithSecretsMasked() throws Exception {
        var r = run("repos", "scan", "--json", src.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.all()).doesNotContain(SECRET_PART);
        JsonNode repos = JSON.readTree(r.out()).get("repositories");
        assertThat(repos).hasSize(5);
        assertThat(kindOf(repos, embedded, "origin")).isEqualTo("https-embedded-credentials");
        assertThat(urlOf(repos, embedded, "origin")).isEqualTo("https://oauth2:****@gitlab.example.com/group/embedded.git");
        assertThat(kindOf(repos, ssh, "origin")).isEqualTo("ssh");
        assertThat(kindOf(repos, https, "origin")).isEqualTo("https");
        assertThat(kindOf(repos, https, "github")).isEqualTo("other-host");
        assertThat(kindOf(repos, other, "origin")).isEqualTo("other-host");
        assertThat(kindOf(repos, bare, "origin")).isEqualTo("https");
        assertThat(find(repos, bare).get("bare").asBoolean()).isTrue();
        assertThat(find(repos, https).get("remotes").get(0).get("pushUrl").asText())
                .isEqualTo("https://gitlab.example.com/group/sub/https.git");

        var text = run("repos", "scan", src.toString());
        assertThat(text.out()).contains("PATH", "KIND", "https-embedded-credentials", "oauth2:****@", "Found 5 repositories")
                .doesNotContain(SECRET_PART);
    }

    @Test
    void scanListsBareRepositoriesOfAnyNameAndReportsAnUnreadableGitDirectory() throws Exception {
        Path more = home.resolve("more");
        Path dotfiles = git.bare(more.resolve(".dotfiles"));
        git.remote(dotfiles, "origin", "git@gitlab.example.com:me/dotfiles.git");
        Path mirror = git.bare(more.resolve("mirrors/foo"));
        Path decoy = Files.createDirectories(more.resolve("decoy"));
        Files.writeString(decoy.resolve("HEAD"), "not a ref\n");
        Files.createDirectories(decoy.resolve("objects"));
        Files.createDirectories(decoy.resolve("refs"));
        Path locked = git.init(more.resolve("locked"));
        Files.setPosixFilePermissions(locked.resolve(".git"), PosixFilePermissions.fromString("---------"));

        // In a child JVM, so that as root it can run without root's override of file permissions
        // (chmod 000 stops nobody else); under strace, which records every program it starts.
        Path trace = home.resolve("execve.trace");
        List<String> prefix = new ArrayList<>(List.of("strace", "-f", "-q", "-e", "trace=execve", "-o",
                trace.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            prefix.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        ChildRun r = childScan(prefix, "repos", "scan", "--json", "--host", HOST, more.toString());
        Files.setPosixFilePermissions(locked.resolve(".git"), PosixFilePermissions.fromString("rwx------"));

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        JsonNode repos = doc.get("repositories");
        assertThat(repos).extracting(n -> n.get("path").asText())
                .containsExactlyInAnyOrder(dotfiles.toString(), mirror.toString());
        assertThat(find(repos, dotfiles).get("bare").asBoolean()).isTrue();
        assertThat(find(repos, mirror).get("layout").asText()).isEqualTo("bare");
        assertThat(kindOf(repos, dotfiles, "origin")).isEqualTo("ssh");
        assertThat(doc.get("skipped")).extracting(n -> n.get("path").asText() + " " + n.get("reason").asText())
                .containsExactly(locked.resolve(".git") + " unreadable");

        // No child process on the scan path: the only programs started are the JVM itself (and setpriv).
        List<String> programs = new ArrayList<>();
        Matcher m = Pattern.compile("execve\\(\"([^\"]+)\"").matcher(Files.readString(trace));
        while (m.find()) {
            programs.add(m.group(1));
        }
        assertThat(programs).as("programs started").anyMatch(p -> p.endsWith("/java"))
                .allMatch(p -> p.endsWith("/java") || p.endsWith("/setpriv"));
    }

    private record ChildRun(int exitCode, String out, String err) {
    }

    /** The product in a JVM of its own, behind {@code prefix} (strace, setpriv), with only HOME, PATH and LANG. */
    private ChildRun childScan(List<String> prefix, String... args) throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(javaCommand, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.gitlabaccess.Main"));
        command.addAll(List.of(args));
        Path out = home.resolve("child.out");
        Path err = home.resolve("child.err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH"),
                "LANG", "C.UTF-8"));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child finished").isTrue();
        return new ChildRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void scanRewriteUndoRoundTripLeavesEveryRemoteAsItBeganExceptTheCredentials() throws Exception {
        String embeddedBefore = git.config(embedded, "remote.origin.url");

        var dry = run("repos", "rewrite", "--to", "ssh", "--dry-run", src.toString());
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Plan (4 changes to ssh)", "git@gitlab.example.com:group/embedded.git",
                "embedded credentials removed", "Dry run: nothing was changed.");
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo(embeddedBefore);
        assertThat(stateFiles()).isEmpty();

        var apply = run("repos", "rewrite", "--to", "ssh", "--yes", "--json", src.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        JsonNode doc = JSON.readTree(apply.out());
        assertThat(doc.get("plan")).hasSize(4);
        assertThat(doc.get("changed")).hasSize(3);
        assertThat(doc.get("skipped")).isEmpty();
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/embedded.git");
        assertThat(git.remotes(https)).contains("origin\tgit@gitlab.example.com:group/sub/https.git (fetch)")
                .contains("origin\tgit@gitlab.example.com:group/sub/https.git (push)")
                .contains("github\thttps://github.com/someone/fork.git");
        assertThat(git.config(bare, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/mirror.git");
        assertThat(git.config(other, "remote.origin.url")).isEqualTo("/srv/git/other.git");
        assertThat(git.config(ssh, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/ssh.git");

        Path journal = Path.of(doc.get("journal").asText());
        assertThat(Files.getPosixFilePermissions(journal)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(journal)).contains("\"old\":\"https://gitlab.example.com/group/embedded.git\"")
                .contains("\"credentialsRemoved\":true");

        var again = run("repos", "rewrite", "--to", "ssh", "--yes", src.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already uses SSH: nothing to do").doesNotContain("Plan (");

        var undo = run("repos", "undo");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.out()).contains("come back without them", "Restored 3 of 3 repositories");
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/embedded.git");
        assertThat(git.remotes(https)).contains("origin\thttps://gitlab.example.com/group/sub/https.git (fetch)")
                .contains("origin\thttps://gitlab.example.com/group/sub/https.git (push)");
        assertThat(git.config(https, "remote.origin.pushurl")).isEqualTo("https://gitlab.example.com/group/sub/https.git");
        assertThat(git.config(bare, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/mirror.git");
        assertThat(git.config(ssh, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/ssh.git");

        var undoAgain = run("repos", "undo");
        assertThat(undoAgain.exitCode()).isZero();
        assertThat(undoAgain.out()).contains("Nothing to undo");

        // No secret anywhere: output, journals, the log.
        for (var r : List.of(dry, apply, again, undo, undoAgain)) {
            assertThat(r.all()).doesNotContain(SECRET_PART);
        }
        for (Path f : stateFiles()) {
            assertThat(Files.readString(f)).as(f.toString()).doesNotContain(SECRET_PART);
        }
        Path logs = Path.of(System.getProperty("gitlab-access.log.dir", "target/test-logs"));
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.walk(logs)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f)).doesNotContain(SECRET_PART);
                }
            }
        }
    }

    @Test
    void aRepositoryWhoseConfigIsLockedIsSkippedAsBusyAndTheOthersProceed() throws Exception {
        Path lock = embedded.resolve(".git/config.lock");
        Files.writeString(lock, "held by git\n");
        var r = run("repos", "rewrite", "--to", "ssh", "--json", src.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.CHECK_FAILED);
        JsonNode skipped = JSON.readTree(r.out()).get("skipped");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).get("path").asText()).isEqualTo(embedded.toString());
        assertThat(skipped.get(0).get("status").asText()).isEqualTo("busy");
        assertThat(r.err()).contains("busy").doesNotContain(SECRET_PART);
        assertThat(Files.readString(lock)).isEqualTo("held by git\n");
        assertThat(git.config(embedded, "remote.origin.url")).contains("oauth2:");
        assertThat(git.config(bare, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/mirror.git");
        Files.delete(lock);
        var retry = run("repos", "rewrite", "--to", "ssh", src.toString());
        assertThat(retry.exitCode()).isZero();
        assertThat(retry.out()).contains("Plan (1 change to ssh)");
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo("git@gitlab.example.com:group/embedded.git");
    }

    @Test
    void sshPortAndRelativeRootShapeTheUrlsBothWays() throws Exception {
        Path app = git.init(home.resolve("root/app"));
        git.remote(app, "origin", "https://example.com/gitlab/group/app.git");
        var toSsh = cli().run("repos", "rewrite", "--to", "ssh", "--host", "https://example.com/gitlab",
                "--ssh-host", "ssh.example.com", "--ssh-port", "2222", home.resolve("root").toString());
        assertThat(toSsh.exitCode()).as(toSsh.err()).isZero();
        assertThat(git.config(app, "remote.origin.url")).isEqualTo("ssh://git@ssh.example.com:2222/group/app.git");
        var toHttps = cli().run("repos", "rewrite", "--to", "https", "--host", "https://example.com/gitlab",
                "--ssh-host", "ssh.example.com", "--ssh-port", "2222", home.resolve("root").toString());
        assertThat(toHttps.exitCode()).as(toHttps.err()).isZero();
        assertThat(git.config(app, "remote.origin.url")).isEqualTo("https://example.com/gitlab/group/app.git");
    }

    @Test
    void toHttpsRemovesEmbeddedCredentialsAndLeavesHttpsAlone() throws Exception {
        var r = run("repos", "rewrite", "--to", "https", src.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/embedded.git");
        assertThat(git.config(ssh, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/ssh.git");
        assertThat(git.config(https, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/sub/https.git");
        assertThat(r.all()).doesNotContain(SECRET_PART);
    }

    @Test
    void globalInsteadOfWritesOneRuleThatGitHonoursAndUndoRemovesIt() throws Exception {
        var r = run("repos", "rewrite", "--to", "ssh", "--global-insteadof");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(git.git(https, "config", "--global", "--get-all", "url.git@gitlab.example.com:.insteadof").strip())
                .isEqualTo("https://gitlab.example.com/");
        assertThat(git.git(https, "remote", "get-url", "origin").strip())
                .isEqualTo("git@gitlab.example.com:group/sub/https.git");
        assertThat(git.config(https, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/sub/https.git");
        var scan = run("repos", "scan", "--json", src.toString());
        assertThat(kindOf(JSON.readTree(scan.out()).get("repositories"), https, "origin")).isEqualTo("ssh");

        var again = run("repos", "rewrite", "--to", "ssh", "--global-insteadof");
        assertThat(again.out()).contains("already in").contains("nothing to do");

        var undo = run("repos", "undo");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(git.tryGit(https, "config", "--global", "--get-all", "url.git@gitlab.example.com:.insteadof")
                .stdout()).isBlank();
        assertThat(git.git(https, "remote", "get-url", "origin").strip())
                .isEqualTo("https://gitlab.example.com/group/sub/https.git");
        var toHttps = run("repos", "rewrite", "--to", "https", "--global-insteadof");
        assertThat(toHttps.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void undoWithoutJournalHasNothingToDoAndABadJournalIsALocalFilesError() throws Exception {
        var none = run("repos", "undo", "--json");
        assertThat(none.exitCode()).isZero();
        assertThat(JSON.readTree(none.out()).get("plan")).isEmpty();

        var missing = run("repos", "undo", "--journal", home.resolve("nope.jsonl").toString(), "--json");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.LOCAL_FILES);
        assertThat(JSON.readTree(missing.out()).get("error").get("reason").asText()).isEqualTo("journal-unreadable");

        Path garbage = home.resolve("garbage.jsonl");
        Files.writeString(garbage, "{not json\n{\"also\": \"not a journal\"}\n");
        var corrupt = run("repos", "undo", "--journal", garbage.toString());
        assertThat(corrupt.exitCode()).isEqualTo(ExitCodes.LOCAL_FILES);
        assertThat(corrupt.err()).contains("error: ").contains("hint: ");
    }

    @Test
    void undoAfterARunCutShortRestoresWhatWasChangedAndLeavesTheRestAlone() throws Exception {
        String original = git.config(embedded, "remote.origin.url");
        var apply = run("repos", "rewrite", "--to", "ssh", src.toString());
        assertThat(apply.exitCode()).isZero();
        // As if the run had stopped before this repository: its config still holds the old value.
        git.git(embedded, "config", "remote.origin.url", original);
        // And someone changed another one since.
        git.git(bare, "config", "remote.origin.url", "https://elsewhere.example.org/mirror.git");
        var undo = run("repos", "undo");
        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(undo.err()).contains("changed by someone since");
        assertThat(git.config(embedded, "remote.origin.url")).isEqualTo(original);
        assertThat(git.config(bare, "remote.origin.url")).isEqualTo("https://elsewhere.example.org/mirror.git");
        assertThat(git.config(https, "remote.origin.url")).isEqualTo("https://gitlab.example.com/group/sub/https.git");
        assertThat(undo.all()).doesNotContain(SECRET_PART);
    }

    @Test
    void eachCommandHasItsOwnHelpAndUsageErrorsExitTwo() {
        var help = cli().run("repos", "rewrite", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Rewrite the remotes of local repositories", "--yes", "--dry-run",
                "--global-insteadof");
        assertThat(cli().run("repos", "scan", "--help").out()).contains("List local repositories");
        assertThat(cli().run("repos", "undo", "--help").out()).contains("Restore the remotes");
        assertThat(cli().run("--help").out()).contains("repos");
        assertThat(cli().run("repos", "rewrite").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("repos", "rewrite", "--to", "ftp").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli().run("repos", "scan", home.resolve("missing").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private List<Path> stateFiles() throws Exception {
        Path state = home.resolve(".local/state/gitlab-access");
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(state)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static JsonNode find(JsonNode repos, Path path) {
        for (JsonNode r : repos) {
            if (r.get("path").asText().equals(path.toString())) {
                return r;
            }
        }
        throw new AssertionError("no repository " + path + " in " + repos);
    }

    private static JsonNode remote(JsonNode repos, Path path, String name) {
        for (JsonNode r : find(repos, path).get("remotes")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no remote " + name + " for " + path);
    }

    private static String kindOf(JsonNode repos, Path path, String name) {
        return remote(repos, path, name).get("kind").asText();
    }

    private static String urlOf(JsonNode repos, Path path, String name) {
        return remote(repos, path, name).get("url").asText();
    }

    @Test
    void undoDeclinedAtThePromptChangesNothing() throws Exception {
        var apply = run("repos", "rewrite", "--to", "ssh", "--yes", src.toString());
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        String rewritten = git.config(https, "remote.origin.url");
        List<Path> journals = stateFiles();

        ScriptedPrompter person = new ScriptedPrompter(false);
        var undo = cli().prompter(person).run("repos", "undo", "--host", HOST);

        assertThat(undo.exitCode()).as(undo.err()).isZero();
        assertThat(person.asked()).singleElement().asString().startsWith("Restore these");
        assertThat(undo.out()).contains("Nothing was changed.");
        assertThat(git.config(https, "remote.origin.url")).isEqualTo(rewritten);
        assertThat(stateFiles()).containsExactlyInAnyOrderElementsOf(journals);
    }
}
