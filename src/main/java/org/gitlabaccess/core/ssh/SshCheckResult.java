package org.gitlabaccess.core.ssh;

/**
 * What {@code ssh -T git@host} came to, as a value the CLI and the wizard render alike.
 */
public record SshCheckResult(Outcome outcome, SshEndpoint endpoint, String username, String hostKeyFingerprint,
                             String detail) {

    /** The ways an SSH check ends. */
    public enum Outcome {
        OK,
        /** The server refused every key offered: the key is not registered on this account. */
        KEY_NOT_REGISTERED,
        KEY_EXPIRED,
        HOST_KEY_UNKNOWN,
        HOST_KEY_CHANGED,
        HOST_KEY_REVOKED,
        /** The TCP port did not answer (timeout): a firewall blocks it. */
        PORT_BLOCKED,
        CONNECTION_REFUSED,
        DNS,
        KEY_UNUSABLE,
        UNEXPECTED_ANSWER
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
