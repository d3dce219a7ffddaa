package org.gitlabaccess.core.runner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.gitlab.ApiResult;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.gitlab.JsonFields;
import org.gitlabaccess.core.gitlab.Outcome;

/**
 * Asks each runner's GitLab whether its authentication token still works, the way gitlab-runner
 * verify does: {@code POST /api/v4/runners/verify} with the token in the body (never in the URL,
 * which proxies and access logs keep).
 */
public final class RunnerTokens {
    private final HttpSettings http;

    /** @param http the product's HTTPS settings (proxy, the CA files asked for) */
    public RunnerTokens(HttpSettings http) {
        this.http = http;
    }

    public List<RunnerTokenVerdict> verify(RunnerConfig config) {
        return config.runners().stream().map(this::verify).toList();
    }

    public RunnerTokenVerdict verify(RegisteredRunner runner) {
        if (runner.token() == null || runner.host().isEmpty()) {
            return new RunnerTokenVerdict(runner, RunnerTokenVerdict.State.INCOMPLETE, Optional.empty(), "");
        }
        ApiResult r = new GitLabClient(http, runner.url(), null)
                .post("/runners/verify", Map.of("token", runner.token().reveal()));
        if (r.outcome() == Outcome.FORBIDDEN) {
            return new RunnerTokenVerdict(runner, RunnerTokenVerdict.State.REFUSED, Optional.empty(), "");
        }
        if (!r.ok()) {
            return new RunnerTokenVerdict(runner, RunnerTokenVerdict.State.UNCHECKED, Optional.empty(),
                    r.outcome() + (r.detail() == null ? "" : ": " + r.detail()));
        }
        try {
            return new RunnerTokenVerdict(runner, RunnerTokenVerdict.State.VALID,
                    JsonFields.object(r).timestamp("token_expires_at"), "");
        } catch (ProblemException e) {
            return new RunnerTokenVerdict(runner, RunnerTokenVerdict.State.UNCHECKED, Optional.empty(), e.getMessage());
        }
    }
}
