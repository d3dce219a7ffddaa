package org.gitlabaccess.core.ssh;

import java.security.PublicKey;

/**
 * The same answer for every new host: {@link HostKeyDecision#REFUSE} and {@link HostKeyDecision#ACCEPT}.
 * Constants of their own rather than lambdas in the interface: a JDK 25 AOT cache does not keep an
 * interface's lambdas, so those were spun at every start (the wizard's, before its first frame).
 */
enum FixedHostKeyDecision implements HostKeyDecision {
    REFUSE(false),
    ACCEPT(true);

    private final boolean accept;

    FixedHostKeyDecision(boolean accept) {
        this.accept = accept;
    }

    @Override
    public boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint) {
        return accept;
    }
}
