package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.gitlabaccess.cli.ReposDocuments.Undo;
import org.gitlabaccess.core.repos.RemoteUndo;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewriteUndo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access repos undo}: every remote of a run back to its journaled value. */
@Command(name = ReposUndoCommand.NAME, sortOptions = false,
        header = "Restore the remotes changed by the latest 'repos rewrite' (or by a given journal).",
        description = {"Reads the journal and puts every value it recorded back, including a global insteadOf rule. "
                + "Values already restored are left alone, so undo can be run again; values changed by someone since "
                + "are left alone and reported.",
            "Credentials that were embedded in a URL were never journaled: such a URL comes back without them.",
            "The undo writes its own journal. Exit code 1 when some repositories could not be restored, 5 when the "
                + "journal cannot be read."})
final class ReposUndoCommand extends ReposSupport {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "undo";

    @Option(names = "--journal", paramLabel = "FILE",
            description = "The journal to undo (default: the latest rewrite journal in the state directory).")
    Path journal;

    ReposUndoCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        RemoteUndo undo = new RemoteUndo(ctx.env(), Clock.systemUTC());
        Optional<RewriteUndo.Plan> found = journal != null ? Optional.of(undo.plan(journal)) : undo.latest();
        if (found.isEmpty()) {
            say("Nothing to undo: there is no rewrite journal in " + undo.journals() + ".");
            return finish(Undo.none(), ExitCodes.OK);
        }
        RewriteUndo.Plan plan = found.get();
        Path file = plan.journal();
        Undo doc = Undo.planned(plan);
        if (!plan.edits().isEmpty()) {
            say("Undo of " + file + " (" + plan.edits().size() + (plan.edits().size() == 1 ? " change" : " changes")
                    + "):");
            plan.edits().forEach(e -> say(editLine(e)));
        }
        plan.changedSince().forEach(l -> warn(l.repository() + " " + l.key() + ": " + l.reason()));
        if (plan.edits().isEmpty()) {
            say("Nothing to undo: every value of " + file.getFileName() + " is already as before"
                    + (plan.changedSince().isEmpty() ? "." : " or was changed since."));
            return finish(doc, ExitCodes.OK);
        }
        if (plan.credentialsNotRestored()) {
            say("Note: URLs that had credentials inside come back without them (secrets are never journaled); "
                    + "sign in again through your credential helper or SSH.");
        }
        if (!confirmed("Restore these " + plan.edits().size() + " values?")) {
            say("Nothing was changed.");
            return finish(doc, ExitCodes.OK);
        }
        RewriteApplier.Report report = undo.apply(plan);
        return finish(doc.applied(ReposApplyReport.render(this, report, "Restored")),
                ReposApplyReport.exitCode(report));
    }
}
