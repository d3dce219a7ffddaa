package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.HttpsAccessCheck;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;

/**
 * Plain {@code git ls-remote} over HTTPS with nothing but the user's configuration: does the
 * credential git finds for the host actually work?
 */
public final class HttpsGitAccessCheck implements Check {
    @Override
    public String id() {
        return "https-git-access";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.instanceProblem().isPresent()) {
            return CheckResult.skip(id(), "Not checked: the host could not be reached.");
        }
        String url = repositoryUrl(c);
        if (url == null) {
            return CheckResult.skip(id(), "Not checked: no repository to try (give a token, or --scan a clone).");
        }
        GitCommand git = new GitCommand(c.inputs().env());
        try {
            git.requireUsable();
        } catch (ProblemException e) {
            return CheckResult.skip(id(), "Not checked: " + e.getMessage());
        }
        HttpsCheckResult r = new HttpsAccessCheck(c.instance().http(), c.inputs().env(), git, null).gitLsRemote(url);
        if (r.ok()) {
            return CheckResult.ok(id(), "git ls-remote " + url + " works with the credential git finds.");
        }
        return CheckResult.warn(id(), "git ls-remote " + url + " does not work over HTTPS without help: " + r.detail(),
                Fix.manual("Run 'gitlab-access setup --method https' to store a token for git, or use SSH "
                        + "('setup --method ssh')."));
    }

    private static String repositoryUrl(DoctorContext c) {
        if (c.hasToken() && c.verdictProblem().isEmpty()) {
            var r = c.client().orElseThrow().get("/projects?membership=true&simple=true&per_page=1");
            if (r.ok() && r.body().isArray() && !r.body().isEmpty()) {
                return r.body().get(0).path("http_url_to_repo").asText(null);
            }
        }
        return null;
    }
}
