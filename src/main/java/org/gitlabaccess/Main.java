package org.gitlabaccess;

import java.io.PrintWriter;
import java.util.Arrays;
import org.gitlabaccess.cli.Cli;
import org.gitlabaccess.cli.CliContext;
import org.gitlabaccess.cli.ConsolePrompter;
import org.gitlabaccess.cli.GlobalOptions;
import org.gitlabaccess.core.ProductInfo;
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
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without its command model (most of its start-up), and returning
            // rather than exiting: since Java 21 System.exit logs through System.Logger, which starts
            // java.util.logging, 10 of this command's 60 ms.
            System.out.println(ProductInfo.versionLine());
            return;
        }
        Environment env = prepare(Arrays.asList(args).contains("--verbose"));
        int code = run(env, args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.out.flush();
        System.err.flush();
        if (!ProcessExit.byReturning(code)) {
            System.exit(code);
        }
    }

    /** What the process needs once, before any command. */
    static Environment prepare(boolean verbose) {
        // Before any HTTP class loads: Basic credentials for a proxy tunnel (HTTPS_PROXY=user:pass@...)
        // are refused by the JDK unless allowed here; and the OS proxy settings are honoured.
        System.setProperty("jdk.http.auth.tunneling.disabledSchemes", "");
        System.setProperty("java.net.useSystemProxies", "true");
        Environment env = Environment.system();
        LoggingSetup.prepare(AppDirectories.of(env).logDir(), verbose);
        return env;
    }

    /** One command line, without exiting: also what the installers' start-up training runs. */
    static int run(Environment env, String[] args, PrintWriter out, PrintWriter err) {
        if (args.length == 0) {
            // The double-clicked launcher: straight to the wizard, as the root command would do,
            // without building the command tree first (about 0.1 s of a 1 s start-up budget).
            return WizardEntry.start(env, new GlobalOptions(), err);
        }
        CliContext ctx = new CliContext(env, System.in, out, err, options -> WizardEntry.start(env, options, err),
                new SystemBrowser(env), new ConsolePrompter(err));
        return new Cli(ctx).run(args);
    }
}
