package org.gitlabaccess.core.gitlab;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/**
 * Finds the instance root behind what the user typed. An address without a path is the root. With
 * a path (a pasted project URL, or an instance under {@code /gitlab}), each prefix is probed,
 * shortest first, for GitLab's API: {@code /api/v4/version} answers JSON (401 without a token).
 */
public final class InstanceLocator {
    private final HttpSettings http;

    public InstanceLocator(HttpSettings http) {
        this.http = http;
    }

    public String locate(InstanceUrl url) {
        if (!url.hasPath()) {
            return url.origin();
        }
        ApiResult first = null;
        for (String candidate : url.rootCandidates()) {
            ApiResult r = new GitLabClient(http, candidate, null).get("/version");
            if (r.isNetworkOrTls()) {
                throw ApiProblems.of(r, http, null);
            }
            boolean api = r.body() != null && (r.ok() && r.body().has("version")
                    || r.outcome() == Outcome.UNAUTHORIZED && "401 Unauthorized".equals(r.body().path("message").asText()));
            if (api) {
                return candidate;
            }
            if (first == null) {
                first = r;
            }
        }
        throw ProblemException.of(ProblemKind.NETWORK, "not-gitlab",
                Text.of("error.not-gitlab.no-api", url), Text.of("error.not-gitlab.no-api.hint"));
    }
}
