package org.gitlabaccess.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import org.gitlabaccess.core.gitlab.oauth.BrowserOpener;
import org.gitlabaccess.core.io.Environment;

/**
 * What a command may touch of the outside world: the environment, the three standard streams,
 * a way to open the wizard, one to open the browser, and the person at the terminal. Injected so that
 * tests run the CLI in-process against a sandbox.
 */
public record CliContext(Environment env, InputStream in, PrintWriter out, PrintWriter err,
                         WizardStarter wizard, BrowserOpener browser, Prompter prompter) {

    /** Opens the graphical wizard; returns the exit code. */
    @FunctionalInterface
    public interface WizardStarter {
        int start(GlobalOptions options);
    }
}
