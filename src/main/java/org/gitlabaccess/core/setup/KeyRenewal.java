package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.ssh.SshAgent;

/**
 * A renewed key: the old one's fingerprint (deleted from the account when it was there), the new one's,
 * its expiry as GitLab holds it, where it is, whether ssh-agent took it, and what went wrong after the new
 * key was proven (the old key still on the account, say): the renewal stands, the user is told.
 */
public record KeyRenewal(String oldFingerprint, boolean oldWasRegistered, String newFingerprint, String expiresAt,
                         Path path, SshAgent.Result agent, List<String> warnings) {
    public KeyRenewal {
        warnings = List.copyOf(warnings);
    }
}
