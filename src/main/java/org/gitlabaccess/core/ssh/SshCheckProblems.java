package org.gitlabaccess.core.ssh;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;

/** The two sentences for each way an SSH check fails: key problems are failed checks, network and host keys exit 4. */
public final class SshCheckProblems {
    private SshCheckProblems() {
    }

    public static ProblemException of(SshCheckResult r) {
        String where = r.endpoint().toString();
        return switch (r.outcome()) {
            case KEY_NOT_REGISTERED -> new ProblemException(ProblemKind.CHECK_FAILED, "ssh-key-not-registered",
                    "GitLab at " + where + " refused the key: it is not registered on your account "
                            + "(Permission denied (publickey)).",
                    "Upload it with: gitlab-access ssh-key upload");
            case KEY_EXPIRED -> new ProblemException(ProblemKind.CHECK_FAILED, "ssh-key-expired",
                    "Your SSH key has expired on GitLab: it greets, but Git is refused.",
                    "Create and upload a new key: gitlab-access ssh-key create, then ssh-key upload.");
            case HOST_KEY_CHANGED -> new ProblemException(ProblemKind.NETWORK, "host-key-changed",
                    "WARNING: the host key of " + r.endpoint().knownHostsName() + " has changed (" + r.detail()
                            + "). Someone could be intercepting the connection; nothing was recorded.",
                    "Ask your GitLab administrators whether the key really changed; only then remove the old line "
                            + "with: ssh-keygen -R '" + r.endpoint().knownHostsName() + "'");
            case HOST_KEY_REVOKED -> new ProblemException(ProblemKind.NETWORK, "host-key-revoked",
                    "The host key of " + r.endpoint().knownHostsName() + " is marked as revoked (" + r.detail() + ").",
                    "Ask your GitLab administrators; do not connect until they confirm the right key.");
            case HOST_KEY_UNKNOWN -> new ProblemException(ProblemKind.NETWORK, "host-key-unknown",
                    "The host " + r.endpoint().knownHostsName() + " is not known yet; its key is "
                            + r.hostKeyFingerprint() + ".",
                    "Compare the fingerprint with the one your GitLab administrators publish, then run again with "
                            + "--yes to record it.");
            case PORT_BLOCKED -> new ProblemException(ProblemKind.NETWORK, "ssh-port-blocked",
                    "Nothing answered on " + where + ": a firewall probably blocks SSH.",
                    "Use HTTPS instead (setup --method https), or ask IT to open the port.");
            case CONNECTION_REFUSED -> new ProblemException(ProblemKind.NETWORK, "ssh-refused",
                    "The connection to " + where + " was refused.",
                    "Check the SSH host and port (--ssh-host, --ssh-port); the server may not offer SSH there.");
            case DNS -> new ProblemException(ProblemKind.NETWORK, "ssh-dns",
                    "The name " + r.endpoint().hostName() + " could not be found.",
                    "Check the SSH host name, and the VPN for a company GitLab.");
            case KEY_UNUSABLE -> new ProblemException(ProblemKind.LOCAL_FILES, "ssh-key-unusable", r.detail(),
                    "Check the key file (--identity KEY) and its passphrase (--key-passphrase-file F); "
                            + "'gitlab-access setup --method ssh' creates one.");
            case UNEXPECTED_ANSWER -> new ProblemException(ProblemKind.CHECK_FAILED, "ssh-unexpected",
                    where + " answered, but not like GitLab: " + r.detail(),
                    "Check that the SSH host and port belong to GitLab.");
            case OK -> throw new IllegalArgumentException("not a failure");
        };
    }
}
