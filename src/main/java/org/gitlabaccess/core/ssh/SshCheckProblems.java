package org.gitlabaccess.core.ssh;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/** The two sentences for each way an SSH check fails: key problems are failed checks, network and host keys exit 4. */
public final class SshCheckProblems {
    private SshCheckProblems() {
    }

    public static ProblemException of(SshCheckResult r) {
        String where = r.endpoint().toString();
        return switch (r.outcome()) {
            case KEY_NOT_REGISTERED -> ProblemException.of(ProblemKind.CHECK_FAILED, "ssh-key-not-registered",
                    Text.of("error.ssh-key-not-registered", where), Text.of("error.ssh-key-not-registered.hint"));
            case KEY_EXPIRED -> ProblemException.of(ProblemKind.CHECK_FAILED, "ssh-key-expired",
                    Text.of("error.ssh-key-expired"), Text.of("error.ssh-key-expired.hint"));
            case HOST_KEY_CHANGED -> r.recorded().isEmpty()
                    ? ProblemException.of(ProblemKind.NETWORK, "host-key-changed",
                            Text.of("error.host-key-changed", r.endpoint().knownHostsName(), r.detail()),
                            Text.of("error.host-key-changed.hint", r.endpoint().knownHostsName()))
                    : ProblemException.of(ProblemKind.NETWORK, "host-key-changed",
                            Text.of("error.host-key-changed", r.endpoint().knownHostsName(), r.detail()),
                            Text.of("error.host-key-changed.offending", r.endpoint().knownHostsName(),
                                    r.recorded().get(0).where(), r.recorded().get(0).file()));
            case HOST_KEY_REVOKED -> ProblemException.of(ProblemKind.NETWORK, "host-key-revoked",
                    Text.of("error.host-key-revoked", r.endpoint().knownHostsName(), r.detail()),
                    Text.of("error.host-key-revoked.hint"));
            case PROXY_COMMAND -> ProblemException.of(ProblemKind.CHECK_FAILED, "ssh-proxy-command",
                    Text.of("error.ssh-proxy-command", r.endpoint().knownHostsName(), r.detail()),
                    Text.of("error.ssh-proxy-command.hint"));
            case HOST_KEY_UNKNOWN -> ProblemException.of(ProblemKind.NETWORK, "host-key-unknown",
                    Text.of("error.host-key-unknown", r.endpoint().knownHostsName(), r.hostKeyFingerprint()),
                    Text.of("error.host-key-unknown.hint"));
            case PORT_BLOCKED -> ProblemException.of(ProblemKind.NETWORK, "ssh-port-blocked",
                    Text.of("error.ssh-port-blocked", where), Text.of("error.ssh-port-blocked.hint"));
            case CONNECTION_REFUSED -> ProblemException.of(ProblemKind.NETWORK, "ssh-refused",
                    Text.of("error.ssh-refused", where), Text.of("error.ssh-refused.hint"));
            case DNS -> ProblemException.of(ProblemKind.NETWORK, "ssh-dns",
                    Text.of("error.dns", r.endpoint().hostName()), Text.of("error.ssh-dns.hint"));
            case KEY_UNUSABLE -> ProblemException.of(ProblemKind.LOCAL_FILES, "ssh-key-unusable",
                    Text.of("error.ssh-key-unusable", r.detail()), Text.of("error.ssh-key-unusable.hint"));
            case UNEXPECTED_ANSWER -> ProblemException.of(ProblemKind.CHECK_FAILED, "ssh-unexpected",
                    Text.of("error.ssh-unexpected", where, r.detail()), Text.of("error.ssh-unexpected.hint"));
            case OK -> throw new IllegalArgumentException("not a failure");
        };
    }
}
