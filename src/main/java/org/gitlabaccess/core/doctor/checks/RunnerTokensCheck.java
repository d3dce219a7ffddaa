package org.gitlabaccess.core.doctor.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.runner.RunnerConfig;
import org.gitlabaccess.core.runner.RunnerTokenVerdict;
import org.gitlabaccess.core.runner.RunnerTokens;

/** On a build server: does GitLab still accept each registered runner's authentication token? */
public final class RunnerTokensCheck implements Check {
    private final Path configFile;

    /** @param configFile gitlab-runner's config.toml ({@link RunnerConfig#DEFAULT_FILE} on a runner host) */
    public RunnerTokensCheck(Path configFile) {
        this.configFile = configFile;
    }

    @Override
    public String id() {
        return "runner-tokens";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (!Files.exists(configFile)) {
            return CheckResult.skip(id(), c.texts().get("doctor.runner.no-config", configFile));
        }
        RunnerConfig config;
        try {
            config = RunnerConfig.read(configFile);
        } catch (ProblemException p) {
            return CheckResult.fail(id(), p, c.locale());
        }
        if (config.runners().isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.runner.no-runners", configFile));
        }
        List<RunnerTokenVerdict> verdicts = new RunnerTokens(http(c)).verify(config);
        List<RunnerTokenVerdict> refused = verdicts.stream().filter(v -> v.state() == RunnerTokenVerdict.State.REFUSED
                || v.state() == RunnerTokenVerdict.State.INCOMPLETE).toList();
        if (!refused.isEmpty()) {
            return CheckResult.fail(id(), sentences(c, refused), Fix.manual(c.texts().get("doctor.runner-tokens.fix")));
        }
        boolean allChecked = verdicts.stream().allMatch(RunnerTokenVerdict::ok);
        return allChecked ? CheckResult.ok(id(), sentences(c, verdicts))
                : CheckResult.warn(id(), sentences(c, verdicts), null);
    }

    private static String sentences(DoctorContext c, List<RunnerTokenVerdict> verdicts) {
        return render(c, verdicts.stream().map(RunnerTokenVerdict::sentence).toList());
    }

    static String render(DoctorContext c, List<Text> texts) {
        return String.join(" ", texts.stream().map(t -> t.in(c.locale())).toList());
    }

    /** The product's HTTPS settings without the doctor's instance: a runner names its own GitLab. */
    static HttpSettings http(DoctorContext c) {
        List<Path> caFiles = new ArrayList<>();
        c.inputs().site().caFile().ifPresent(caFiles::add);
        if (c.inputs().caFile() != null) {
            caFiles.add(c.inputs().caFile());
        }
        return new HttpSettings(c.inputs().env(), caFiles);
    }
}
