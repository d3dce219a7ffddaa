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
import org.gitlabaccess.core.gitlab.HttpSettings;
import org.gitlabaccess.core.runner.RunnerConfig;

/**
 * A check of a build server's runners: skipped where there is no config.toml or no runner in it,
 * failed naming the file where it cannot be read, else run on the runners it lists.
 */
abstract class RunnerCheck implements Check {
    private final Path configFile;

    /** @param configFile gitlab-runner's config.toml ({@link RunnerConfig#DEFAULT_FILE} on a runner host) */
    RunnerCheck(Path configFile) {
        this.configFile = configFile;
    }

    @Override
    public final CheckResult run(DoctorContext c) {
        // Only a file surely absent is "no runner here": one that cannot be looked at (root-only) is named by read().
        if (Files.notExists(configFile)) {
            return CheckResult.skip(id(), c.texts().get("doctor.runner.no-config", configFile));
        }
        RunnerConfig config;
        try {
            config = RunnerConfig.read(configFile);
        } catch (ProblemException p) {
            return CheckResult.fail(id(), p, c.locale());
        }
        if (config.runners().stream().allMatch(r -> r.host().isEmpty())) {
            return CheckResult.skip(id(), c.texts().get("doctor.runner.no-runners", configFile));
        }
        return check(c, config);
    }

    abstract CheckResult check(DoctorContext c, RunnerConfig config);

    /** The sentences in the doctor's language, one after the other. */
    static String render(DoctorContext c, List<Text> texts) {
        return String.join(" ", texts.stream().map(t -> t.in(c.locale())).toList());
    }

    /** The product's HTTPS settings without the doctor's instance: each runner names its own GitLab. */
    static HttpSettings http(DoctorContext c) {
        List<Path> caFiles = new ArrayList<>();
        c.inputs().site().caFile().ifPresent(caFiles::add);
        if (c.inputs().caFile() != null) {
            caFiles.add(c.inputs().caFile());
        }
        return new HttpSettings(c.inputs().env(), caFiles);
    }
}
