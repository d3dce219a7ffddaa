package org.gitlabaccess.core.setup;

import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.credentials.GitTokenStore;
import org.gitlabaccess.core.credentials.HttpsAccessCheck;
import org.gitlabaccess.core.credentials.HttpsCheckResult;
import org.gitlabaccess.core.credentials.HttpsRefAdvertisements;
import org.gitlabaccess.core.credentials.TokenProbe;
import org.gitlabaccess.core.gitlab.ApiUrls;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.TerminalSafe;
import org.gitlabaccess.core.setup.AccessVerification.UrlOutcome;

/**
 * Proves HTTPS works: {@code ls-remote} of each repository with the token (all read together over
 * the product's HTTP client and TLS settings), then once with the real {@code git} and nothing but the user's configuration, which
 * proves the credential helper and the CA work for plain git.
 */
public final class VerifyHttpsStep extends IdentifiedStep {
    public VerifyHttpsStep() {
        super(StepId.VERIFY_HTTPS);
    }

    @Override
    public StepOutcome run(SetupState state, Progress progress) {
        List<String> distinct = urls(state);
        if (distinct.isEmpty()) {
            return StepOutcome.skipped(id(), state.texts().get("setup.verify-https.none"));
        }
        HttpsAccessCheck check = new HttpsAccessCheck(state.instance().http(), state.request().env(),
                new GitCommand(state.request().env()), new TokenProbe(state.client()));
        String username = GitTokenStore.usernameFor(state.verdict());
        List<UrlOutcome> results = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        progress.update("git ls-remote " + distinct.get(0), 0.85);
        // All at once over kept-alive connections; what does not answer there is asked again through
        // JGit, whose words (and the API's word on the token) tell why.
        HttpSettings http = state.instance().http();
        List<HttpsRefAdvertisements.Answer> answers = new HttpsRefAdvertisements(http.client(), http.requestTimeout())
                .read(distinct.stream().map(u -> new HttpsRefAdvertisements.Request(u, username,
                        state.request().token())).toList());
        for (HttpsRefAdvertisements.Answer a : answers) {
            String url = a.request().url();
            HttpsCheckResult r = a.ok() ? new HttpsCheckResult(HttpsCheckResult.Outcome.OK, url, a.refs(), a.detail())
                    : check.lsRemote(url, username, state.request().token());
            results.add(UrlOutcome.of(r));
            if (!r.ok()) {
                failed.add(url + ": " + r.detail());
            }
        }
        progress.update(state.texts().get("setup.verify-https.progress.plain"), 0.97);
        HttpsCheckResult plain = AccessVerification.of(state).plainGit(distinct.get(0));
        StepDetails.HttpsVerified details = new StepDetails.HttpsVerified(results, UrlOutcome.of(plain));
        if (!plain.ok()) {
            failed.add(0, "plain git: " + plain.detail());
        }
        if (!failed.isEmpty()) {
            throw ProblemException.of(ProblemKind.CHECK_FAILED, "https-access",
                    Text.of("error.https-access", failed.size(), failed.get(0)), Text.of("error.https-access.hint"));
        }
        return StepOutcome.unchanged(id(), state.texts().get("setup.verify-https.ok", distinct.size()), details);
    }

    /** The projects' HTTPS URLs; with no clone found, one project of the account's, from the API. */
    private static List<String> urls(SetupState state) {
        List<String> distinct = RewriteRemotesStep.projectUrls(state, RewriteRemotesStep.target(state)::httpsUrl);
        if (!distinct.isEmpty()) {
            return distinct;
        }
        var any = state.client().get("/projects?membership=true&simple=true&per_page=1");
        if (any.ok() && any.body() != null && any.body().isArray() && !any.body().isEmpty()) {
            String fromApi = any.body().get(0).path("http_url_to_repo").asText();
            // The token goes only to the instance's own origin, whatever URL the API hands out.
            if (ApiUrls.sameOrigin(fromApi, state.instance().root())) {
                return List.of(fromApi);
            }
            state.warnings().add(state.texts().get("setup.verify-https.foreign-url",
                    TerminalSafe.line(Redactor.redact(fromApi))));
        }
        return List.of();
    }
}
