package org.gitlabaccess.core.gitlab;

import java.util.Locale;

/** How Git will reach GitLab after setup. */
public enum SetupMethod {
    /** An SSH key uploaded to GitLab (recommended: no token stays on the machine). */
    SSH,
    /** The token stored in the operating system's credential store for git over HTTPS. */
    HTTPS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
