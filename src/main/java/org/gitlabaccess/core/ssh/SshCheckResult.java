package org.gitlabaccess.core.ssh;

import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.gitlabaccess.core.WireId;

/**
 * What {@code ssh -T git@host} came to, as a value the CLI and the wizard render alike.
 *
 * @param recorded for a changed or revoked host key, the known_hosts lines behind the refusal
 *     (the offending keys, or the {@code @revoked} line), to name the file and line to fix
 */
public record SshCheckResult(Outcome outcome, SshEndpoint endpoint, String username, String hostKeyFingerprint,
                             String detail, List<KnownHosts.Entry> recorded) {

    /** The ways an SSH check ends. */
    public enum Outcome implements WireId {
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
        UNEXPECTED_ANSWER,
        /** The configuration reaches the host through a {@code ProxyCommand}, which the product cannot run. */
        PROXY_COMMAND;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    public SshCheckResult {
        recorded = List.copyOf(recorded);
    }

    public SshCheckResult(Outcome outcome, SshEndpoint endpoint, String username, String hostKeyFingerprint,
                          String detail) {
        this(outcome, endpoint, username, hostKeyFingerprint, detail, List.of());
    }

    /** A presented key that known_hosts contradicts (changed) or revokes, with both sides named. */
    static SshCheckResult hostKeyRefused(SshEndpoint endpoint, PublicKey presented, KnownHosts.Lookup lookup) {
        String fingerprint = KeyFingerprint.sha256(presented);
        String shown = KeyUtils.getKeyType(presented) + " " + fingerprint;
        List<String> lines = lookup.entries().stream().map(KnownHosts.Entry::describe).toList();
        return lookup.status() == KnownHosts.Status.REVOKED
                ? new SshCheckResult(Outcome.HOST_KEY_REVOKED, endpoint, null, fingerprint,
                        "presented " + shown + ", marked @revoked in " + String.join(", ", lines), lookup.entries())
                : new SshCheckResult(Outcome.HOST_KEY_CHANGED, endpoint, null, fingerprint,
                        "presented " + shown + "; recorded " + String.join(", ", lines), lookup.entries());
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
