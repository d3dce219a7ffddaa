package org.gitlabaccess.core.gitlab;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.ssh.SshEndpoint;

/**
 * The API named an SSH host outside the instance's domain: never used without the user's word. It
 * carries the endpoint so the wizard can ask about it by name (the CLI says {@code --ssh-host}).
 */
public final class ForeignSshHostException extends ProblemException {
    private final transient SshEndpoint endpoint;
    private final String instanceHost;

    ForeignSshHostException(SshEndpoint endpoint, String instanceHost) {
        super(ProblemKind.NETWORK, "ssh-host-foreign",
                Text.of("error.api-ssh-host-foreign", endpoint.hostName(), instanceHost),
                Text.of("error.api-ssh-host.hint"));
        this.endpoint = endpoint;
        this.instanceHost = instanceHost;
    }

    /** The host and port the API named (a valid host name: only the domain is foreign). */
    public SshEndpoint endpoint() {
        return endpoint;
    }

    public String instanceHost() {
        return instanceHost;
    }
}
