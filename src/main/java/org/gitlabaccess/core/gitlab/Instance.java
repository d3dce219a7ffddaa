package org.gitlabaccess.core.gitlab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.Secret;

/**
 * The GitLab instance this run works with: its API root (found from what the user typed), the
 * HTTPS settings to reach it, and warnings about the address (plain HTTP).
 */
public record Instance(String root, InstanceUrl url, HttpSettings http, List<String> warnings) {
    public static final String DEFAULT_HOST = "https://gitlab.com";

    public Instance {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param hostOption the {@code --host} value, or null for the site configuration's, else gitlab.com
     * @param caOption the {@code --ca-file} value, or null
     */
    public static Instance resolve(Environment env, SiteConfig site, String hostOption, Path caOption) {
        String host = hostOption != null ? hostOption : site.host().orElse(DEFAULT_HOST);
        InstanceUrl url = InstanceUrl.parse(host);
        List<Path> cas = new ArrayList<>();
        site.caFile().ifPresent(cas::add);
        if (caOption != null) {
            cas.add(caOption);
        }
        cas.forEach(TrustStores::readPem);
        HttpSettings http = new HttpSettings(env, cas);
        List<String> warnings = new ArrayList<>();
        if (url.isPlainHttp()) {
            warnings.add("The address uses plain http://: the token travels unencrypted. Use https:// unless this "
                    + "is a test instance on a trusted network.");
        }
        String root = new InstanceLocator(http).locate(url);
        return new Instance(root, url, http, warnings);
    }

    /**
     * Proves that GitLab's API answers here: {@code GET /api/v4/version} without a token answers
     * 401 with GitLab's JSON (or 200). Anything else is a {@link org.gitlabaccess.core.ProblemException}.
     */
    public void probe() {
        ApiResult r = client(null).get("/version");
        boolean api = r.body() != null && (r.ok() || (r.outcome() == Outcome.UNAUTHORIZED
                && "401 Unauthorized".equals(r.body().path("message").asText())));
        if (!api) {
            throw r.ok() || r.outcome() == Outcome.UNAUTHORIZED
                    ? ApiProblems.of(new ApiResult(Outcome.NOT_GITLAB, r.status(), null, r.detail(), List.of(),
                            Optional.empty(), Optional.empty(), r.url()), http, null)
                    : ApiProblems.of(r, http, null);
        }
    }

    public String host() {
        return url.host();
    }

    public GitLabClient client(Secret token) {
        return new GitLabClient(http, root, token);
    }

    public GitLabClient client(Secret token, boolean oauth, Sleeper sleeper) {
        return new GitLabClient(http, root, token, oauth, sleeper);
    }
}
