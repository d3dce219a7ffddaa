package org.gitlabaccess.core.ssh;

import java.security.PublicKey;

/** Asks whether to trust a host key seen for the first time (the CLI's prompt or --yes, the wizard's dialog). */
@FunctionalInterface
public interface HostKeyDecision {
    boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint);

    HostKeyDecision REFUSE = (e, k, f) -> false;
    HostKeyDecision ACCEPT = (e, k, f) -> true;
}
