package org.gitlabaccess.core.ssh;

import java.security.PublicKey;

/** Asks whether to trust a host key seen for the first time (the CLI's prompt or --yes, the wizard's dialog). */
@FunctionalInterface
public interface HostKeyDecision {
    /** Asked only for a genuinely new host: one with no recorded key of any type in any known-hosts file. */
    boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint);

    /**
     * Told, never asked, when the presented key contradicts known_hosts (changed, or {@code @revoked}):
     * the connection is refused whatever the answer would be; a dialog shows why.
     *
     * @param lookup the status and the lines behind it (the recorded keys, with file and line)
     */
    default void hostKeyRefused(SshEndpoint endpoint, PublicKey key, String fingerprint, KnownHosts.Lookup lookup) {
        // Nothing to show by default: the caller reports the refusal.
    }

    /** Refuses every new host: where nobody can be asked. */
    HostKeyDecision REFUSE = new FixedHostKeyDecision(false);
    /** Accepts every new host ({@code --yes}). */
    HostKeyDecision ACCEPT = new FixedHostKeyDecision(true);
}
