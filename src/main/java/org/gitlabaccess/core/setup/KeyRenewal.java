package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import org.gitlabaccess.core.ssh.SshAgent;

/**
 * A renewed key: the old one's fingerprint (deleted from the account when it was there), the new one's,
 * its expiry as GitLab holds it, where it is, and whether ssh-agent took it.
 */
public record KeyRenewal(String oldFingerprint, boolean oldWasRegistered, String newFingerprint, String expiresAt,
                         Path path, SshAgent.Result agent) {
}
