package org.gitlabaccess;

import java.io.PrintWriter;
import java.util.Arrays;
import org.gitlabaccess.cli.Cli;
import org.gitlabaccess.cli.CliContext;
import org.gitlabaccess.cli.ConsolePrompter;
import org.gitlabaccess.cli.GlobalOptions;
import org.gitlabaccess.core.gitlab.oauth.SystemBrowser;
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
        // Before any HTTP class loads: Basic credentials for a proxy tunnel (HTTPS_PROXY=user:pass@...)
        // are refused by the JDK unless allowed here; and the OS proxy settings are honoured.
        System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        System.setProperty("java.net.useSystemProxies", "true");
        Environment env = Environment.system();
        LoggingSetup.prepare(AppDirectories.of(env).logDir(), Arrays.asList(args).contains("--verbose"));
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        if (args.length == 0) {
            // The double-clicked launcher: straight to the wizard, as the root command would do,
            // without building the command tree first (about 0.1 s of a 1 s start-up budget).
            System.exit(WizardEntry.start(env, new GlobalOptions(), err));
        }
        CliContext ctx = new CliContext(env, System.in, out, err, options -> WizardEntry.start(env, options, err),
                new SystemBrowser(env), new ConsolePrompter(err));
        System.exit(new Cli(ctx).run(args));
    }
}
