package org.gitlabaccess.core.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.ssh.GitOverSshCheck;

/**
 * A real git operation per repository: {@code ls-remote} of each GitLab remote over SSH, through
 * JGit with the user's ~/.ssh files, as git will do it from now on.
 */
public final class VerifyRepositoriesStep implements SetupStep {
    @Override
    public StepId id() {
        return StepId.VERIFY_REPOSITORIES;
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        var target = RewriteRemotesStep.target(state);
        List<String> distinct = RewriteRemotesStep.projectUrls(state, target::sshUrl);
        if (distinct.isEmpty()) {
            return StepOutcome.skipped(id(), state.texts().get("setup.verify-repositories.none"));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (GitOverSshCheck check = new GitOverSshCheck(state.home(), state.key().privateKeyFile(),
                state.request().keyPassphrase())) {
            int i = 0;
            for (String url : distinct) {
                progress.update("git ls-remote " + url, 0.9 + 0.1 * i++ / distinct.size());
                var r = check.lsRemote(url);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("url", url);
                m.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                m.put("refs", r.refs());
                results.add(m);
                if (!r.ok()) {
                    failed.add(url + ": " + r.detail());
                }
            }
        }
        if (!failed.isEmpty()) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "repository-access",
                    Text.of("error.repository-access", failed.size(), distinct.size(), failed.get(0)),
                    Text.of("error.repository-access.hint"));
        }
        return StepOutcome.unchanged(id(), state.texts().get("setup.verify-repositories.ok", distinct.size()),
                Map.of("repositories", results, "to", RewriteTarget.SSH.name().toLowerCase()));
    }
}
