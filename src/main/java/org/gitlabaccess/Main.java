package org.gitlabaccess;

import java.io.PrintWriter;
import java.util.Arrays;
import org.gitlabaccess.cli.Cli;
import org.gitlabaccess.cli.CliContext;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.logging.LoggingSetup;

/**
 * Entry point. A command runs the command line; no command opens the wizard. JavaFX classes are
 * reached only through {@link WizardEntry}, so CLI commands never touch the JavaFX runtime.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Environment env = Environment.system();
        LoggingSetup.prepare(AppDirectories.of(env).logDir(), Arrays.asList(args).contains("--verbose"));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        CliContext ctx = new CliContext(env, System.in, out, err, options -> WizardEntry.start(env, options, err));
        System.exit(new Cli(ctx).run(args));
    }
}
