package org.gitlabaccess.core.doctor.checks;

import java.util.List;
import org.gitlabaccess.core.credentials.DockerCredentials;
import org.gitlabaccess.core.credentials.DockerFinding;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.TokenProbe;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.gitlab.GitLabClient;

/**
 * Docker logins for the GitLab host and its registry (field report 001: an expired token cached in
 * ~/.docker/config.json broke every pull), each tested against the API.
 */
public final class DockerRegistryCheck implements Check {
    @Override
    public String id() {
        return "docker-registry-credentials";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitHost host = GitHost.of(c.url().toString());
        TokenProbe probe = null;
        if (c.instanceProblem().isEmpty()) {
            probe = new TokenProbe(new GitLabClient(c.instance().http(), c.instance().root(), null));
        }
        List<DockerFinding> findings = new DockerCredentials(c.home(), c.inputs().env()).find(host, List.of(), probe);
        if (findings.isEmpty()) {
            return CheckResult.ok(id(), c.texts().get("doctor.docker-registry-credentials.none", host.host()));
        }
        List<DockerFinding> bad = findings.stream().filter(DockerFinding::needsFix).toList();
        String all = String.join("; ", findings.stream().map(DockerFinding::summary).toList());
        if (bad.isEmpty()) {
            return CheckResult.ok(id(), all);
        }
        String fix = String.join("  ", bad.stream().flatMap(f -> f.fixCommand().stream()).toList());
        boolean hiddenOnly = bad.stream().allMatch(f -> f.status() == DockerFinding.Status.HIDDEN);
        String summary = String.join("; ", bad.stream().map(DockerFinding::summary).toList());
        Fix how = Fix.manual(c.texts().get("doctor.docker-registry-credentials.fix",
                fix.isBlank() ? c.texts().get("doctor.docker-registry-credentials.fix.login") : fix));
        return hiddenOnly ? CheckResult.warn(id(), summary, how) : CheckResult.fail(id(), summary, how);
    }
}
