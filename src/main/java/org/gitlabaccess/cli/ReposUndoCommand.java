package org.gitlabaccess.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.repos.ConfigEditor;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewriteJournal;
import org.gitlabaccess.core.repos.RewriteUndo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access repos undo}: every remote of a run back to its journaled value. */
@Command(name = "undo", sortOptions = false,
        header = "Restore the remotes changed by the latest 'repos rewrite' (or by a given journal).",
        description = {"Reads the journal and puts every value it recorded back, including a global insteadOf rule. "
                + "Values already restored are left alone, so undo can be run again; values changed by someone since "
                + "are left alone and reported.",
            "Credentials that were embedded in a URL were never journaled: such a URL comes back without them.",
            "The undo writes its own journal. Exit code 1 when some repositories could not be restored, 5 when the "
                + "journal cannot be read."})
final class ReposUndoCommand extends ReposSupport {
    @Option(names = "--journal", paramLabel = "FILE",
            description = "The journal to undo (default: the latest rewrite journal in the state directory).")
    Path journal;

    ReposUndoCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Optional<Path> file = journal != null ? Optional.of(journal) : RewriteJournal.latestRewrite(dirs().stateDir());
        Map<String, Object> doc = new LinkedHashMap<>();
        if (file.isEmpty()) {
            say("Nothing to undo: there is no rewrite journal in " + RewriteJournal.directory(dirs().stateDir()) + ".");
            doc.put("journal", null);
            doc.put("plan", List.of());
            return finish(doc, ExitCodes.OK);
        }
        if (!Files.isReadable(file.get())) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "journal-unreadable",
                    "The journal " + file.get() + " does not exist or cannot be read.",
                    "Check the path; journals are in " + RewriteJournal.directory(dirs().stateDir()) + ".");
        }
        gitConfigs(); // points JGit at the product's home before any configuration is written
        RewriteUndo.Plan plan = new RewriteUndo().plan(file.get());
        doc.put("journal", file.get().toString());
        doc.put("plan", plan.edits().stream().map(ReposSupport::editJson).toList());
        doc.put("alreadyRestored", plan.alreadyRestored().size());
        doc.put("changedSince", plan.changedSince().stream().map(l -> Map.of("path", l.repository().toString(),
                "key", l.key(), "reason", l.reason())).toList());
        doc.put("credentialsNotRestored", plan.credentialsNotRestored());
        if (!plan.edits().isEmpty()) {
            say("Undo of " + file.get() + " (" + plan.edits().size() + (plan.edits().size() == 1 ? " change" : " changes")
                    + "):");
            plan.edits().forEach(e -> say(editLine(e)));
        }
        plan.changedSince().forEach(l -> warn(l.repository() + " " + l.key() + ": " + l.reason()));
        if (plan.edits().isEmpty()) {
            say("Nothing to undo: every value of " + file.get().getFileName() + " is already as before"
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
        RewriteApplier.Report report;
        try (RewriteJournal undoJournal = RewriteJournal.create(dirs().stateDir(), RewriteJournal.UNDO, Clock.systemUTC())) {
            report = new RewriteApplier(new ConfigEditor()).apply(plan.edits(), undoJournal);
        } catch (java.io.IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    "The undo journal could not be closed cleanly.", "Check the state directory " + dirs().stateDir() + ".", e);
        }
        ReposApplyReport.render(this, doc, report, "Restored");
        return finish(doc, report.problems().isEmpty() ? ExitCodes.OK
                : report.stoppedByLocalFiles() ? ExitCodes.LOCAL_FILES : ExitCodes.CHECK_FAILED);
    }

    private int finish(Map<String, Object> doc, int code) {
        if (json()) {
            printJson(doc);
        }
        return code;
    }
}
