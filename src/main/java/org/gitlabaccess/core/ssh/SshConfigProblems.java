package org.gitlabaccess.core.ssh;

import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;

/** The problem users see when OpenSSH itself refuses their SSH configuration. */
public final class SshConfigProblems {
    private SshConfigProblems() {
    }

    /**
     * A local-file problem (exit 5): the fix is in the user's {@code ~/.ssh/config}, and until it is
     * made no ssh and no git over SSH can work, whatever the server would say.
     */
    public static ProblemException refused(SshConfigLookup.Effective effective) {
        return ProblemException.of(ProblemKind.LOCAL_FILES, "ssh-config-refused",
                Text.of("error.ssh-config-refused", effective.endpoint().alias(), effective.notice().orElse("")),
                Text.of("error.ssh-config-refused.hint", effective.endpoint().alias()));
    }
}
