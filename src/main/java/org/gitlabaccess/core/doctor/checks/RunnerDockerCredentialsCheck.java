package org.gitlabaccess.core.doctor.checks;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.runner.RunnerConfig;
import org.gitlabaccess.core.runner.RunnerDockerLogin;
import org.gitlabaccess.core.runner.RunnerDockerLogins;
import org.gitlabaccess.core.runner.RunnerHost;

/**
 * On a build server: the docker logins image pulls use before the job's own token (the runner's
 * DOCKER_AUTH_CONFIG, root's and gitlab-runner's docker config), each tested against the runner's
 * GitLab. A stale one fails every pull with "HTTP Basic: Access denied" (field report: a forgotten
 * test login in /root/.docker/config.json); the fix cuts it out of its file.
 */
public final class RunnerDockerCredentialsCheck extends RunnerCheck {
    private final RunnerHost host;

    /**
     * @param host the build server's files ({@link RunnerHost#system()})
     * @param configFile gitlab-runner's config.toml
     */
    public RunnerDockerCredentialsCheck(RunnerHost host, Path configFile) {
        super(configFile);
        this.host = host;
    }

    @Override
    public CheckId id() {
        return CheckId.RUNNER_DOCKER_CREDENTIALS;
    }

    @Override
    CheckResult check(DoctorContext c, RunnerConfig config) {
        RunnerDockerLogins logins = new RunnerDockerLogins(host, http(c),
                new AtomicFile(c.inputs().clock()));
        RunnerDockerLogins.Scan scan;
        try {
            scan = logins.find(config);
        } catch (ProblemException p) {
            return CheckResult.fail(id(), p, c.locale()); // a corrupt config.json: docker cannot pull either
        }
        String note = unread(c, scan);
        boolean partial = !note.isEmpty();
        if (scan.logins().isEmpty()) {
            String registries = String.join(", ", scan.registries());
            String summary = c.texts().get("doctor.runner-docker-credentials.none", registries) + note;
            return partial ? CheckResult.warn(id(), summary, null) : CheckResult.ok(id(), summary);
        }
        List<RunnerDockerLogin> stale = scan.logins().stream().filter(RunnerDockerLogin::stale).toList();
        List<RunnerDockerLogin> unverified = scan.logins().stream().filter(RunnerDockerLogin::unverified).toList();
        if (!stale.isEmpty()) {
            return CheckResult.fail(id(), sentences(c, stale) + note, fix(c, logins, stale));
        }
        String all = sentences(c, scan.logins()) + note;
        if (!unverified.isEmpty() || partial) {
            return CheckResult.warn(id(), all, unverified.stream().anyMatch(l -> l.remedy().isPresent())
                    ? Fix.manual(remedies(c, unverified), Remedy.NONE) : null);
        }
        return CheckResult.ok(id(), all);
    }

    /** Files not read or not even seen are named, since what they hold went unchecked; empty when there are none. */
    private static String unread(DoctorContext c, RunnerDockerLogins.Scan scan) {
        String note = "";
        if (!scan.refused().isEmpty()) {
            note += " " + c.texts().get("doctor.files-not-read", BoundedFiles.describe(scan.refused()));
        }
        if (!scan.outOfReach().isEmpty()) {
            List<String> files = scan.outOfReach().stream().map(Path::toString).toList();
            note += " " + c.texts().get("doctor.runner-docker-credentials.out-of-reach", String.join(", ", files));
        }
        return note;
    }

    /** Automatic when a login can be cut out of its file; the others' remedies are said in the same sentence. */
    private static Fix fix(DoctorContext c, RunnerDockerLogins logins, List<RunnerDockerLogin> stale) {
        List<RunnerDockerLogin> removable = stale.stream().filter(RunnerDockerLogin::removable).toList();
        if (removable.isEmpty()) {
            return Fix.manual(remedies(c, stale), Remedy.NONE);
        }
        // The remedy names the file and the entry: what the user consents to.
        String what = remedies(c, stale);
        return Fix.automatic(what, what, context -> render(context, removable.stream().map(logins::remove).toList()));
    }

    private static String sentences(DoctorContext c, List<RunnerDockerLogin> logins) {
        return render(c, logins.stream().map(RunnerDockerLogin::sentence).toList());
    }

    private static String remedies(DoctorContext c, List<RunnerDockerLogin> logins) {
        List<Text> texts = logins.stream().map(RunnerDockerLogin::remedy).flatMap(Optional::stream).toList();
        return render(c, texts);
    }
}
