package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The undo of the latest rewrite, as {@code repos undo} and the wizard's last page run it, checked with real git. */
class RemoteUndoTest {
    private static final String HTTPS = "https://gitlab.example.com/group/app.git";
    private static final String SSH = "git@gitlab.example.com:group/app.git";

    /** A home with one clone whose origin is HTTPS, and the undo for that home. */
    private record Sandbox(Path home, GitRepos git, Path repo, RemoteUndo undo) {
        static Sandbox in(Path home) throws Exception {
            GitRepos git = new GitRepos(home);
            Path repo = git.init(home.resolve("src/app"));
            git.remote(repo, "origin", HTTPS);
            Environment env = new Environment(Map.of("HOME", home.toString(), "PATH", System.getenv("PATH")),
                    new Properties());
            return new Sandbox(home, git, repo, new RemoteUndo(env, Clock.systemUTC()));
        }

        /** A journaled rewrite of origin to SSH, as {@code repos rewrite} does it. */
        void rewriteToSsh() throws Exception {
            ConfigEdit edit = new ConfigEdit(repo, repo.resolve(".git/config"), "remote", "origin", "url", HTTPS, SSH,
                    HTTPS, false);
            Path stateDir = home.resolve(".local/state/gitlab-access");
            try (RewriteJournal journal = RewriteJournal.create(stateDir, RewriteJournal.REWRITE, Clock.systemUTC())) {
                new RewriteApplier(new ConfigEditor()).apply(List.of(edit), journal);
            }
            assertThat(git.config(repo, "remote.origin.url")).isEqualTo(SSH);
        }
    }

    @Test
    void withoutAJournalThereIsNothingToUndo(@TempDir Path home) throws Exception {
        assertThat(Sandbox.in(home).undo().latest()).isEmpty();
    }

    @Test
    void restoresTheLatestRewriteWithAJournalOfItsOwnAndFindsNothingMoreToDoAfter(@TempDir Path home) throws Exception {
        Sandbox sandbox = Sandbox.in(home);
        sandbox.rewriteToSsh();
        RemoteUndo undo = sandbox.undo();

        RewriteUndo.Plan plan = undo.latest().orElseThrow();
        assertThat(plan.edits()).hasSize(1);
        RewriteApplier.Report report = undo.apply(plan);

        assertThat(report.changed()).hasSize(1);
        assertThat(sandbox.git().config(sandbox.repo(), "remote.origin.url")).isEqualTo(HTTPS);
        assertThat(report.journal().getFileName().toString()).startsWith(RewriteJournal.UNDO + "-");
        assertThat(report.journal().getParent()).isEqualTo(undo.journals());
        // The undo journal is not undone again: the latest rewrite is already as before.
        RewriteUndo.Plan again = undo.latest().orElseThrow();
        assertThat(again.edits()).isEmpty();
        assertThat(again.alreadyRestored()).hasSize(1);
    }

    @Test
    void aJournalThatIsNotThereIsALocalFilesProblemNamingWhereJournalsAre(@TempDir Path home) throws Exception {
        RemoteUndo undo = Sandbox.in(home).undo();
        Path missing = home.resolve("nope.jsonl");
        assertThatThrownBy(() -> undo.plan(missing)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProblemKind.LOCAL_FILES);
            assertThat(e.reason()).isEqualTo("journal-unreadable");
            assertThat(e.getMessage()).contains(missing.toString());
            assertThat(e.hint()).contains(undo.journals().toString());
        });
        assertThat(Files.exists(undo.journals())).isFalse();
    }
}
