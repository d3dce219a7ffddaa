package org.gitlabaccess;

import java.io.PrintWriter;
import org.gitlabaccess.cli.ExitCodes;
import org.gitlabaccess.cli.GlobalOptions;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.ui.WizardLauncher;

/** Opens the wizard when a display is there, and says clearly what to do when none is. */
final class WizardEntry {
    private WizardEntry() {
    }

    static int start(Environment env, GlobalOptions options, PrintWriter err) {
        boolean unixDesktop = !env.isWindows() && !env.isMac();
        if (unixDesktop && env.variable("DISPLAY").isEmpty() && env.variable("WAYLAND_DISPLAY").isEmpty()
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            err.println("error: The wizard needs a graphical desktop, and none was found (DISPLAY is not set).");
            err.println("hint: Use the command line instead: 'gitlab-access --help' lists the commands.");
            err.flush();
            return ExitCodes.USAGE;
        }
        // Blocks until the window closes.
        WizardLauncher.launch(options.host(), options.caFile());
        return ExitCodes.OK;
    }
}
