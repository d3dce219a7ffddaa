package org.gitlabaccess.core.setup;

import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.setup.AccessVerification.Remote;
import org.gitlabaccess.core.setup.AccessVerification.RemoteCheck;
import org.gitlabaccess.core.setup.AccessVerification.UrlOutcome;

/**
 * A real git operation per repository: {@code ls-remote} of each GitLab remote over SSH with the
 * user's ~/.ssh files, as git will do it from now on (one session for them all, a channel each).
 */
public final class VerifyRepositoriesStep extends IdentifiedStep {
    public VerifyRepositoriesStep() {
        super(StepId.VERIFY_REPOSITORIES);
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        List<Remote> remotes = RewriteRemotesStep.projectUrls(state, RewriteRemotesStep.target(state)::sshUrl).stream()
                .map(url -> Remote.of(url, RemoteKind.SSH)).toList();
        if (remotes.isEmpty()) {
            return StepOutcome.skipped(id(), state.texts().get("setup.verify-repositories.none"));
        }
        List<RemoteCheck> checks = AccessVerification.of(state).lsRemote(remotes, state.key().privateKeyFile(),
                state.request().keyPassphrase(), (remote, i) -> progress.update("git ls-remote " + remote.shownUrl(),
                        0.9 + 0.1 * i / remotes.size()));
        List<RemoteCheck> failed = checks.stream().filter(c -> !c.ok()).toList();
        if (!failed.isEmpty()) {
            RemoteCheck first = failed.get(0);
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "repository-access",
                    Text.of("error.repository-access", failed.size(), remotes.size(),
                            first.remote().shownUrl() + ": " + first.detail()),
                    Text.of("error.repository-access.hint"));
        }
        return StepOutcome.unchanged(id(), state.texts().get("setup.verify-repositories.ok", remotes.size()),
                new StepDetails.RepositoriesVerified(checks.stream().map(UrlOutcome::of).toList(), RewriteTarget.SSH.id()));
    }
}
