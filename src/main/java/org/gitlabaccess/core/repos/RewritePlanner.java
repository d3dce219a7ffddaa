package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a rewrite of remotes to SSH or HTTPS: each URL on the instance that is not yet in the
 * target form gets the canonical URL of its project (embedded credentials dropped). Other hosts
 * are never touched; URLs produced by an {@code insteadOf} rule are left to that rule. A repository
 * whose configuration is shared (linked worktrees) is planned once.
 */
public final class RewritePlanner {
    private final GitLabTarget target;

    public RewritePlanner(GitLabTarget target) {
        this.target = target;
    }

    public RewritePlan plan(List<RepositoryRemotes> repositories, RewriteTarget to) {
        List<ConfigEdit> edits = new ArrayList<>();
        List<RewritePlan.Left> left = new ArrayList<>();
        Set<Path> configs = new HashSet<>();
        int already = 0;
        for (RepositoryRemotes repo : repositories) {
            if (!configs.add(repo.repository().configFile())) {
                continue;
            }
            repo.problem().ifPresent(p -> left.add(new RewritePlan.Left(repo.repository().path(), "", "", "", p)));
            for (RemoteUrl url : repo.urls()) {
                if (url.key().equals(RemoteUrl.PUSH_BY_RULE)) {
                    continue;
                }
                Path path = repo.repository().path();
                String shown = url.configured().redacted();
                if (url.kind() == RemoteKind.OTHER_HOST) {
                    continue;
                }
                if (inTargetForm(url.kind(), to)) {
                    already++;
                } else if (url.rewrittenByRule()) {
                    left.add(new RewritePlan.Left(path, url.remote(), url.key(), shown,
                            "rewritten by the rule url." + url.rule().get() + ".insteadOf; change or remove that rule"));
                } else if (url.project().isEmpty()) {
                    left.add(new RewritePlan.Left(path, url.remote(), url.key(), shown, "names no project"));
                } else {
                    String after = to == RewriteTarget.SSH ? target.sshUrl(url.project()) : target.httpsUrl(url.project());
                    edits.add(ConfigEdit.remote(repo.repository(), url, after));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (edits.isEmpty()) {
            notes.add(already == 0 ? "No remote points to " + target.webHost() + "."
                    : "Every remote on " + target.webHost() + " already uses " + to.name() + ": nothing to do.");
        }
        return new RewritePlan(to, List.copyOf(edits), already, List.copyOf(left), notes);
    }

    private static boolean inTargetForm(RemoteKind kind, RewriteTarget to) {
        return to == RewriteTarget.SSH ? kind == RemoteKind.SSH : kind == RemoteKind.HTTPS;
    }
}
