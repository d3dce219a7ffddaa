package org.gitlabaccess.core.doctor.checks;

import java.util.List;
import org.gitlabaccess.core.doctor.Check;
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
