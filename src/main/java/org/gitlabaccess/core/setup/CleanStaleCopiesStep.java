package org.gitlabaccess.core.setup;

import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.credentials.GitCredentialsFiles;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.NetrcFiles;
import org.gitlabaccess.core.credentials.PlaintextFinding;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;

/**
 * Removes the stale plain-text copies git or curl would still offer for the host:
 * {@code ~/.git-credentials} and {@code ~/.netrc} entries. Other lines stay byte for byte.
 */
public final class CleanStaleCopiesStep extends IdentifiedStep {
    public CleanStaleCopiesStep() {
        super(StepId.CLEAN_STALE_COPIES);
    }

    @Override
    public List<Change> plan(SetupState state) {
        List<Change> changes = new ArrayList<>();
        for (PlaintextFinding f : find(state)) {
            changes.add(new Change(ChangeKind.PLAINTEXT_REMOVED, f.describe(state.home()), null, null));
        }
        return changes;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        GitHost host = GitHost.of(state.instance().root());
        AppDirectories dirs = AppDirectories.of(state.request().env());
        List<PlaintextFinding> removed = new ArrayList<>();
        removed.addAll(new GitCredentialsFiles(state.home(), dirs.xdgConfigHome(), new AtomicFile()).remove(host));
        removed.addAll(new NetrcFiles(state.home(), new AtomicFile()).remove(host));
        if (removed.isEmpty()) {
            return StepOutcome.unchanged(id(), state.texts().get("setup.clean-stale-copies.none", host.hostAndPort()),
                    new StepDetails.None());
        }
        List<Change> changes = new ArrayList<>();
        removed.forEach(f -> changes.add(new Change(ChangeKind.PLAINTEXT_REMOVED, f.describe(state.home()), null, null)));
        return StepOutcome.changed(id(), state.texts().get("setup.clean-stale-copies.removed", removed.size(),
                host.hostAndPort()), changes, new StepDetails.StaleCopiesRemoved(removed.size()));
    }

    private static List<PlaintextFinding> find(SetupState state) {
        GitHost host = GitHost.of(state.instance().root());
        AppDirectories dirs = AppDirectories.of(state.request().env());
        List<PlaintextFinding> found = new ArrayList<>();
        found.addAll(new GitCredentialsFiles(state.home(), dirs.xdgConfigHome(), new AtomicFile()).find(host));
        found.addAll(new NetrcFiles(state.home(), new AtomicFile()).find(host));
        return found;
    }
}
