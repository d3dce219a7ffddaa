package org.gitlabaccess.core.ssh;

import java.security.PublicKey;

/**
 * The same answer for every new host: {@link HostKeyDecision#REFUSE} and {@link HostKeyDecision#ACCEPT}.
 * A class rather than lambdas in the interface: a JDK 25 AOT cache does not keep an interface's
 * lambdas, so those were spun at every start (the wizard's, before its first frame). Not an enum:
 * the interface has a default method, so initialising an enum of it first would initialise the
 * interface while the enum's constants are still null, and the interface's constants would stay so.
 */
final class FixedHostKeyDecision implements HostKeyDecision {
    private final boolean accept;

    FixedHostKeyDecision(boolean accept) {
        this.accept = accept;
    }

    @Override
    public boolean acceptNewHost(SshEndpoint endpoint, PublicKey key, String fingerprint) {
        return accept;
    }

    @Override
    public String toString() {
        return accept ? "accept every new host" : "refuse every new host";
    }
}
