package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.JGitHome;

/**
 * Puts remotes back as a journaled rewrite found them, for {@code repos undo} and the wizard's last
 * page alike: the plan ({@link RewriteUndo}) first, then the edits with a journal of the undo's own.
 */
public final class RemoteUndo {
    private final Environment env;
    private final Path stateDir;
    private final Clock clock;

    public RemoteUndo(Environment env, Clock clock) {
        this.env = env;
        this.stateDir = AppDirectories.of(env).stateDir();
        this.clock = clock;
    }

    /** Where the journals are. */
    public Path journals() {
        return RewriteJournal.directory(stateDir);
    }

    /** The undo of the newest rewrite journal; empty when no rewrite was journaled. */
    public Optional<RewriteUndo.Plan> latest() {
        return RewriteJournal.latestRewrite(stateDir).map(this::plan);
    }

    /** The undo of the given journal; a local-files problem when it cannot be read. */
    public RewriteUndo.Plan plan(Path journal) {
        if (!Files.isReadable(journal)) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unreadable",
                    Text.of("error.journal-missing", journal), Text.of("error.journal-missing.hint", journals()));
        }
        JGitHome.apply(env); // the values are read (and later written) as git would, with this user's home
        return new RewriteUndo().plan(journal);
    }

    /** Restores what the plan lists, journaled as an undo run. */
    public RewriteApplier.Report apply(RewriteUndo.Plan plan) {
        try (RewriteJournal journal = RewriteJournal.create(stateDir, RewriteJournal.UNDO, clock)) {
            return new RewriteApplier(new ConfigEditor()).apply(plan.edits(), journal);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    Text.of("error.journal-unwritable"), Text.of("error.journal-unwritable.hint", stateDir), e);
        }
    }
}
