package org.gitlabaccess.core.doctor.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.Doctor;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.DoctorReport;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.runner.RunnerHost;
import org.gitlabaccess.core.ssh.SshEndpointChooser;

/** Every check, in the order the report lists them. The wizard's diagnose step uses the same list. */
public final class DoctorChecks {
    private DoctorChecks() {
    }

    /** Runs every check on the inputs and writes the redacted report (the wizard's "Save a report"). */
    public static void writeReport(DoctorContext.Inputs inputs, Path file) throws IOException {
        DoctorContext context = new DoctorContext(inputs);
        List<CheckResult> results = new Doctor(all(), Doctor.PER_CHECK_TIMEOUT).run(context, r -> { });
        new DoctorReport(inputs.env(), context.git(), inputs.clock()).save(file, new AccessTarget(inputs.env(), inputs.site(),
                inputs.host(), inputs.sshHost(), inputs.sshPort()).rootForHint(), results);
    }

    /**
     * The checks of a build server (gitlab-runner's config.toml): each runner's token, and the docker
     * logins image pulls use before the job's own token.
     */
    public static List<Check> runner(RunnerHost host, Path configFile) {
        return List.of(new RunnerTokensCheck(configFile), new RunnerDockerCredentialsCheck(host, configFile));
    }

    public static List<Check> all() {
        return List.of(new HostReachableCheck(), new TlsTrustCheck(), new ProxyCheck(), new TokenValidCheck(),
                new SshPortCheck(SshEndpointChooser.KNOWN_ALTERNATIVES), new SshHostKeyCheck(), new SshKeyPresentCheck(),
                new SshKeyRegisteredCheck(), new SshKeyExpiryCheck(), new SshAuthCheck(), new SshAgentCheck(), new CredentialHelperCheck(),
                PlaintextSecretsCheck.gitCredentials(), PlaintextSecretsCheck.netrc(), new EmbeddedCredentialsCheck(),
                new DockerRegistryCheck(), new HttpsGitAccessCheck(), new GitVersionCheck(), new TokensExpiringCheck());
    }
}
