package org.gitlabaccess.core.setup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.ConfigEditor;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RepositoryInventory;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewriteJournal;
import org.gitlabaccess.core.repos.RewritePlan;
import org.gitlabaccess.core.repos.RewritePlanner;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.repos.ScanResult;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * Finds the local repositories and rewrites their GitLab remotes to the method's form, with the
 * journal that {@code repos undo} reads. Other hosts are never touched; embedded credentials go.
 */
public final class RewriteRemotesStep extends IdentifiedStep {
    private final RewriteTarget to;

    public RewriteRemotesStep(RewriteTarget to) {
        super(StepId.REWRITE_REMOTES);
        this.to = to;
    }

    @Override
    public List<Change> plan(SetupState state) {
        List<Change> changes = new ArrayList<>();
        for (ConfigEdit e : plan(state, Progress.NONE).edits()) {
            changes.add(new Change(ChangeKind.REMOTE_REWRITTEN, e.repository() + " " + e.key(), e.shownBefore(), e.shownAfter()));
        }
        return changes;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        RewritePlan plan = plan(state, progress);
        state.repositories = plan;
        // Files the scan would not open (FIFOs, devices, huge files): named, as their remotes stay as they are.
        List<ScanResult.Skipped> skipped = state.skippedFiles;
        List<StepDetails.SkippedFile> skippedFiles = skipped.stream().map(s -> new StepDetails.SkippedFile(s.path().toString(),
                s.reason().id())).toList();
        String skippedNote = skipped.isEmpty() ? "" : " " + state.texts().get("setup.rewrite-remotes.skipped",
                String.join("; ", skipped.stream().map(s -> s.path() + " (" + s.reason().id() + ")").toList()));
        if (plan.edits().isEmpty()) {
            return StepOutcome.unchanged(id(), (state.inventory.isEmpty()
                    ? state.texts().get("setup.rewrite-remotes.none-found", state.request().scanRootsOrHome())
                    : state.texts().get("setup.rewrite-remotes.unchanged", plan.alreadyInTargetForm(),
                            state.inventory.size(), to.name().toLowerCase())) + skippedNote,
                    new StepDetails.RemotesRewritten(state.inventory.size(), plan.alreadyInTargetForm(), plan.leftAlone().size(), skippedFiles,
                            null));
        }
        progress.update(state.texts().get("setup.rewrite-remotes.progress.rewrite", plan.edits().size()), 0.8);
        Path stateDir = AppDirectories.of(state.request().env()).stateDir();
        RewriteApplier.Report report;
        try (RewriteJournal journal = RewriteJournal.create(stateDir, RewriteJournal.REWRITE, state.request().clock())) {
            report = new RewriteApplier(new ConfigEditor()).apply(plan.edits(), journal);
        } catch (IOException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    Text.of("error.journal-unwritable"), Text.of("error.journal-unwritable.hint", stateDir), e);
        }
        List<Change> changes = new ArrayList<>();
        for (RewriteApplier.Outcome o : report.changed()) {
            for (ConfigEdit e : o.edits()) {
                changes.add(new Change(ChangeKind.REMOTE_REWRITTEN, o.repository() + " " + e.key(), e.shownBefore(),
                        e.shownAfter()));
            }
        }
        if (!report.problems().isEmpty()) {
            var first = report.problems().get(0);
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "rewrite-incomplete",
                    Text.of("error.rewrite-incomplete", report.problems().size(), first.repository(), first.detail()),
                    Text.of("error.rewrite-incomplete.hint"));
        }
        return StepOutcome.changed(id(), state.texts().get("setup.rewrite-remotes.rewritten", changes.size(),
                report.changed().size(), to.name().toLowerCase()) + skippedNote, changes,
                new StepDetails.RemotesRewritten(state.inventory.size(), plan.alreadyInTargetForm(), plan.leftAlone().size(), skippedFiles,
                        String.valueOf(report.journal())));
    }

    private RewritePlan plan(SetupState state, Progress progress) {
        progress.update(state.texts().get("setup.rewrite-remotes.progress.scan"), 0.75);
        return plan(state, state.scans().of(state.request().scanRootsOrHome()), to, true);
    }

    /**
     * The rewrite of the repositories a walk found, read against this instance.
     *
     * @param leaveUnticked leave out the repositories the user unticked (the preview lists them all)
     */
    static RewritePlan plan(SetupState state, ScanResult scan, RewriteTarget to, boolean leaveUnticked) {
        SetupRequest r = state.request();
        RepositoryInventory inventory = state.scans().inventory();
        GitLabTarget target = target(state);
        List<RepositoryRemotes> remotes = inventory.remotes(scan, target).stream()
                .filter(rr -> !leaveUnticked || !r.excludedRepositories().contains(rr.repository().path())).toList();
        state.inventory = remotes;
        state.skippedFiles = inventory.skipped(scan, remotes).stream().filter(s -> s.reason().isFile()).toList();
        return new RewritePlanner(target).plan(remotes, to);
    }

    /** The form the method wants the remotes in. */
    static RewriteTarget targetForm(SetupRequest r) {
        return r.method() == SetupMethod.HTTPS ? RewriteTarget.HTTPS : RewriteTarget.SSH;
    }

    static GitLabTarget target(SetupState state) {
        var endpoint = state.endpoint();
        // Through an alternative (gitlab.com's altssh), remotes keep the usual form: the ~/.ssh/config
        // block sends the alias to the other host and port.
        Optional<Integer> port = Optional.ofNullable(endpoint).map(e -> e.hostName().equals(e.alias()) ? e.port()
                : SshEndpoint.DEFAULT_PORT);
        return GitLabTarget.of(state.instance().root(), Optional.ofNullable(endpoint).map(e -> e.alias()), port);
    }

    /** Each GitLab project's URL in the method's form, once, from the repositories found. */
    static List<String> projectUrls(SetupState state, Function<String, String> urlOf) {
        return state.inventory().stream().flatMap(repo -> repo.urls().stream())
                .filter(u -> u.kind() != RemoteKind.OTHER_HOST && !u.project().isEmpty())
                .map(u -> urlOf.apply(u.project())).distinct().toList();
    }
}
