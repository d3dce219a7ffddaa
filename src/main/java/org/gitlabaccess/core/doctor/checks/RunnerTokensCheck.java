package org.gitlabaccess.core.doctor.checks;

import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.runner.RunnerConfig;
import org.gitlabaccess.core.runner.RunnerTokenVerdict;
import org.gitlabaccess.core.runner.RunnerTokens;

/** On a build server: does GitLab still accept each registered runner's authentication token? */
public final class RunnerTokensCheck extends RunnerCheck {

    /** @param configFile gitlab-runner's config.toml ({@link RunnerConfig#DEFAULT_FILE} on a runner host) */
    public RunnerTokensCheck(Path configFile) {
        super(configFile);
    }

    @Override
    public CheckId id() {
        return CheckId.RUNNER_TOKENS;
    }

    @Override
    CheckResult check(DoctorContext c, RunnerConfig config) {
        List<RunnerTokenVerdict> verdicts = new RunnerTokens(http(c)).verify(config);
        List<RunnerTokenVerdict> refused = verdicts.stream().filter(v -> v.state() == RunnerTokenVerdict.State.REFUSED
                || v.state() == RunnerTokenVerdict.State.INCOMPLETE).toList();
        if (!refused.isEmpty()) {
            return CheckResult.fail(id(), sentences(c, refused), Fix.manual(c.texts().get("doctor.runner-tokens.fix"),
                    Remedy.NONE));
        }
        boolean allChecked = verdicts.stream().allMatch(RunnerTokenVerdict::ok);
        return allChecked ? CheckResult.ok(id(), sentences(c, verdicts))
                : CheckResult.warn(id(), sentences(c, verdicts), null);
    }

    private static String sentences(DoctorContext c, List<RunnerTokenVerdict> verdicts) {
        return render(c, verdicts.stream().map(RunnerTokenVerdict::sentence).toList());
    }
}
