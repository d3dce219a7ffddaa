package org.gitlabaccess.core.doctor;

import java.util.List;
import org.gitlabaccess.core.doctor.checks.CredentialHelperCheck;
import org.gitlabaccess.core.doctor.checks.DockerRegistryCheck;
import org.gitlabaccess.core.doctor.checks.EmbeddedCredentialsCheck;
import org.gitlabaccess.core.doctor.checks.GitVersionCheck;
import org.gitlabaccess.core.doctor.checks.HttpsGitAccessCheck;
import org.gitlabaccess.core.doctor.checks.PlaintextSecretsCheck;
import org.gitlabaccess.core.doctor.checks.HostReachableCheck;
import org.gitlabaccess.core.doctor.checks.ProxyCheck;
import org.gitlabaccess.core.doctor.checks.SshAgentCheck;
import org.gitlabaccess.core.doctor.checks.SshAuthCheck;
import org.gitlabaccess.core.doctor.checks.SshHostKeyCheck;
import org.gitlabaccess.core.doctor.checks.SshKeyPresentCheck;
import org.gitlabaccess.core.doctor.checks.SshKeyExpiryCheck;
import org.gitlabaccess.core.doctor.checks.SshKeyRegisteredCheck;
import org.gitlabaccess.core.doctor.checks.SshPortCheck;
import org.gitlabaccess.core.doctor.checks.TlsTrustCheck;
import org.gitlabaccess.core.doctor.checks.TokenValidCheck;
import org.gitlabaccess.core.doctor.checks.TokensExpiringCheck;
import org.gitlabaccess.core.ssh.SshEndpointChooser;

/** Every check, in the order the report lists them. The wizard's diagnose step uses the same list. */
public final class DoctorChecks {
    private DoctorChecks() {
    }

    public static List<Check> all() {
        return List.of(new HostReachableCheck(), new TlsTrustCheck(), new ProxyCheck(), new TokenValidCheck(),
                new SshPortCheck(SshEndpointChooser.KNOWN_ALTERNATIVES), new SshHostKeyCheck(), new SshKeyPresentCheck(),
                new SshKeyRegisteredCheck(), new SshKeyExpiryCheck(), new SshAuthCheck(), new SshAgentCheck(), new CredentialHelperCheck(),
                PlaintextSecretsCheck.gitCredentials(), PlaintextSecretsCheck.netrc(), new EmbeddedCredentialsCheck(),
                new DockerRegistryCheck(), new HttpsGitAccessCheck(), new GitVersionCheck(), new TokensExpiringCheck());
    }
}
