package org.gitlabaccess.core.doctor;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;

/** The remedy for a check that failed on a problem: its hint names commands, the wizard needs the step. */
final class ProblemRemedy {
    private ProblemRemedy() {
    }

    static Remedy of(ProblemException p) {
        if (p.reason().startsWith("ssh-key-")) {
            return Remedy.SET_UP_SSH; // not registered, expired, unusable: a new key, uploaded
        }
        if (p.reason().equals("ssh-port-blocked")) {
            return Remedy.SET_UP_HTTPS;
        }
        return p.kind() == ProblemKind.AUTHENTICATION ? Remedy.SIGN_IN_AGAIN : Remedy.NONE;
    }
}
