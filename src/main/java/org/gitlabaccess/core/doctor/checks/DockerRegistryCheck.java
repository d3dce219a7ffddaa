package org.gitlabaccess.core.doctor.checks;

import java.time.LocalDate;
import java.util.List;
import org.gitlabaccess.core.credentials.DockerCredentials;
import org.gitlabaccess.core.io.BoundedFiles;
import org.gitlabaccess.core.credentials.DockerFinding;
import org.gitlabaccess.core.credentials.GitHost;
import org.gitlabaccess.core.credentials.TokenProbe;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.doctor.Remedy;
import org.gitlabaccess.core.gitlab.GitLabClient;
import org.gitlabaccess.core.gitlab.TokenLinks;

/**
 * Docker logins for the GitLab host and its registry (field report 001: an expired token cached in
 * ~/.docker/config.json broke every pull), each tested against the API.
 */
public final class DockerRegistryCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.DOCKER_REGISTRY_CREDENTIALS;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        GitHost host = GitHost.of(c.url().toString());
        TokenProbe probe = null;
        if (c.instanceProblem().isEmpty()) {
            probe = new TokenProbe(new GitLabClient(c.instance().http(), c.instance().root(), null));
        }
        DockerCredentials docker = new DockerCredentials(c.home(), c.inputs().env());
        List<DockerFinding> findings = docker.find(host, List.of(), probe);
        // A FIFO, device or huge config.json is never opened: named, since what it holds went unchecked.
        List<BoundedFiles.RefusedFileException> refused = docker.refused();
        String note = refused.isEmpty() ? "" : " " + c.texts().get("doctor.files-not-read", BoundedFiles.describe(refused));
        if (findings.isEmpty()) {
            String summary = c.texts().get("doctor.docker-registry-credentials.none", host.host()) + note;
            return refused.isEmpty() ? CheckResult.ok(id(), summary) : CheckResult.warn(id(), summary, null);
        }
        List<DockerFinding> bad = findings.stream().filter(DockerFinding::needsFix).toList();
        String all = String.join("; ", findings.stream().map(DockerFinding::summary).toList()) + note;
        if (bad.isEmpty()) {
            return refused.isEmpty() ? CheckResult.ok(id(), all) : CheckResult.warn(id(), all, null);
        }
        String fix = String.join("  ", bad.stream().flatMap(f -> f.fixCommand().stream()).toList());
        boolean hiddenOnly = bad.stream().allMatch(f -> f.status() == DockerFinding.Status.HIDDEN);
        String summary = String.join("; ", bad.stream().map(DockerFinding::summary).toList()) + note;
        Fix how = Fix.manual(c.texts().get("doctor.docker-registry-credentials.fix",
                fix.isBlank() ? c.texts().get("doctor.docker-registry-credentials.fix.login") : fix),
                Remedy.openPage(TokenLinks.creationPage(c.url().toString(), List.of("read_registry"),
                        c.inputs().machineName(), LocalDate.now(c.inputs().clock()))));
        return hiddenOnly ? CheckResult.warn(id(), summary, how) : CheckResult.fail(id(), summary, how);
    }
}
