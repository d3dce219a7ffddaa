package org.gitlabaccess.core.doctor.checks;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.HttpsAccessCheck;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.credentials.NetrcFiles;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.ApiUrls;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Plain {@code git ls-remote} over HTTPS with nothing but the user's configuration: does the
 * credential git finds for the host actually work?
 */
public final class HttpsGitAccessCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.HTTPS_GIT_ACCESS;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.instanceProblem().isPresent()) {
            return CheckResult.skip(id(), c.texts().get("doctor.not-checked.unreachable"));
        }
        String url = repositoryUrl(c);
        if (url == null) {
            return CheckResult.skip(id(), c.texts().get("doctor.https-git-access.no-repository"));
        }
        GitCommand git = c.git();
        try {
            git.requireUsable();
        } catch (ProblemException e) {
            return CheckResult.skip(id(), c.texts().get("doctor.not-checked", e.message(c.locale())));
        }
        // git over HTTPS reads ~/.netrc: a FIFO there holds it for good, so it is named instead of run into.
        var netrc = new NetrcFiles(c.home(), new AtomicFile()).refused();
        if (!netrc.isEmpty()) {
            return CheckResult.warn(id(), c.texts().get("doctor.https-git-access.netrc-not-read",
                    BoundedFiles.describe(netrc)), Fix.manual(c.texts().get("doctor.https-git-access.netrc-not-read.fix"), Remedy.NONE));
        }
        HttpsCheckResult r = new HttpsAccessCheck(c.instance().http(), c.inputs().env(), git, null).gitLsRemote(url);
        if (r.ok()) {
            return CheckResult.ok(id(), c.texts().get("doctor.https-git-access.ok", url));
        }
        return CheckResult.warn(id(), c.texts().get("doctor.https-git-access.failed", url, r.detail()),
                Fix.manual(c.texts().get("doctor.https-git-access.failed.fix"), Remedy.SET_UP_HTTPS));
    }

    private static String repositoryUrl(DoctorContext c) {
        if (c.hasToken() && c.verdictProblem().isEmpty()) {
            var r = c.client().orElseThrow().get("/projects?membership=true&simple=true&per_page=1");
            if (r.ok() && r.body() != null && r.body().isArray() && !r.body().isEmpty()) {
                String url = r.body().get(0).path("http_url_to_repo").asText(null);
                // Only a URL of the instance's own origin is tried: git's credential for it must not travel elsewhere.
                return ApiUrls.sameOrigin(url, c.instance().root()) ? url : null;
            }
        }
        return null;
    }
}
