package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.WireId;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FileBusyException;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.io.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies planned edits file by file: the whole plan journaled first, then each file, then its outcome
 * in the journal. One
 * repository that is busy or fails does not stop the others; the report says what happened to each.
 */
public final class RewriteApplier {
    private static final Logger LOG = LoggerFactory.getLogger(RewriteApplier.class);

    private final ConfigEditor editor;

    public RewriteApplier(ConfigEditor editor) {
        this.editor = editor;
    }

    /** What happened to one configuration file. */
    public enum Status implements WireId {
        CHANGED, BUSY, CONFLICT, FAILED;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    /** The outcome for one configuration file (one repository, or the global file). */
    public record Outcome(Path repository, Path configFile, List<ConfigEdit> edits, Status status, String detail) {
    }

    /** The run: its journal and every outcome. */
    public record Report(String run, Path journal, List<Outcome> outcomes) {
        public List<Outcome> changed() {
            return outcomes.stream().filter(o -> o.status() == Status.CHANGED).toList();
        }

        public List<Outcome> problems() {
            return outcomes.stream().filter(o -> o.status() != Status.CHANGED).toList();
        }

        /** Nothing changed, and only because of local files (locked, disk full, read-only): exit 5, not 1. */
        public boolean stoppedByLocalFiles() {
            return changed().isEmpty() && !problems().isEmpty()
                    && problems().stream().allMatch(o -> o.status() == Status.BUSY || o.status() == Status.FAILED);
        }
    }

    public Report apply(List<ConfigEdit> edits, RewriteJournal journal) {
        Map<Path, List<ConfigEdit>> byFile = new LinkedHashMap<>();
        edits.forEach(e -> byFile.computeIfAbsent(e.configFile(), k -> new ArrayList<>()).add(e));
        if (edits.isEmpty()) {
            return new Report(journal.run(), journal.file(), List.of());
        }
        try {
            journal.planned(byFile.values().stream().flatMap(List::stream).toList());
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    Text.of("error.journal-unwritable.apply", journal.file(), edits.get(0).repository()),
                    Text.of("error.journal-unwritable.apply.hint"), e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (var group : byFile.entrySet()) {
            List<ConfigEdit> fileEdits = group.getValue();
            Path repo = fileEdits.get(0).repository();
            Outcome outcome;
            try {
                editor.apply(group.getKey(), fileEdits);
                outcome = new Outcome(repo, group.getKey(), fileEdits, Status.CHANGED, "");
            } catch (FileBusyException e) {
                Path lock = AtomicFile.lockFileOf(e.file());
                outcome = new Outcome(repo, group.getKey(), fileEdits, Status.BUSY, "busy: " + lock
                        + " exists (git may be running there); not forced. If no git is running, remove it and run again.");
            } catch (ConfigEditor.ConflictException e) {
                outcome = new Outcome(repo, group.getKey(), fileEdits, Status.CONFLICT,
                        "changed since it was read: " + e.getMessage());
            } catch (IOException e) {
                // Names the file and says why (disk full, read-only, permission), as every write failure does.
                outcome = new Outcome(repo, group.getKey(), fileEdits, Status.FAILED,
                        "failed: " + FileWriteProblems.of(group.getKey(), e).getMessage());
            } catch (RuntimeException e) {
                outcome = new Outcome(repo, group.getKey(), fileEdits, Status.FAILED,
                        "failed: " + Redactor.redact(String.valueOf(e.getMessage())));
            }
            outcomes.add(outcome);
            if (outcome.status() == Status.CHANGED) {
                fileEdits.forEach(e -> LOG.info("run {}: {}", journal.run(), e));
            } else {
                LOG.warn("run {}: {} not changed: {}", journal.run(), repo, outcome.detail());
            }
            try {
                for (ConfigEdit e : fileEdits) {
                    if (outcome.status() == Status.CHANGED) {
                        journal.done(e);
                    } else {
                        journal.failed(e, outcome.detail());
                    }
                }
            } catch (IOException e) {
                // The change is made and verified; a re-run or an undo reads the "planned" lines.
            }
        }
        // Before anyone is told a file changed: the renames of the batch reach the disk together.
        editor.syncChanges();
        return new Report(journal.run(), journal.file(), List.copyOf(outcomes));
    }
}
