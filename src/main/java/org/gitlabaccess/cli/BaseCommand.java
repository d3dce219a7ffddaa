package org.gitlabaccess.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.TokenLinks;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.MachineName;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TokenInput;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, the site configuration, the token, output. */
abstract class BaseCommand implements Callable<Integer> {
    protected final CliContext ctx;

    @Spec
    CommandSpec spec;

    private SiteConfig site;
    private Instance instance;

    BaseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    GlobalOptions global() {
        return ((RootCommand) spec.root().userObject()).global();
    }

    AppDirectories dirs() {
        return AppDirectories.of(ctx.env());
    }

    SiteConfig site() {
        if (site == null) {
            site = SiteConfig.load(SiteConfig.layers(ctx.env(), dirs()));
        }
        return site;
    }

    String machineName() {
        return MachineName.of(ctx.env());
    }

    Instance instance() {
        if (instance == null) {
            instance = Instance.resolve(ctx.env(), site(), global().host(), global().caFile());
            instance.warnings().forEach(this::warn);
        }
        return instance;
    }

    /** The token from --token-file, --token-stdin or GITLAB_TOKEN; a clear error with the fix when none. */
    Secret requireToken(SetupMethod method) {
        TokenInput input = new TokenInput();
        var token = input.read(new TokenInput.Source(global().tokenFile(), global().tokenStdin()), ctx.in(), ctx.env());
        input.warnings().forEach(this::warn);
        if (token.isEmpty()) {
            String root = instanceRootForHint();
            throw new ProblemException(ProblemKind.USAGE, "token-missing",
                    "This command needs a GitLab personal access token, and none was given.",
                    "Create one at " + TokenLinks.creationPage(root, TokenLinks.scopesFor(method), machineName(),
                            java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                            + " and pass it with --token-file FILE, --token-stdin, or GITLAB_TOKEN.");
        }
        return token.get();
    }

    private String instanceRootForHint() {
        try {
            return org.gitlabaccess.core.gitlab.InstanceUrl.parse(global().host() != null ? global().host()
                    : site().host().orElse(Instance.DEFAULT_HOST)).toString();
        } catch (ProblemException e) {
            return Instance.DEFAULT_HOST;
        }
    }

    boolean json() {
        return global().json();
    }

    void printJson(Object document) {
        ctx.out().println(Json.write(document));
        ctx.out().flush();
    }

    /** A line of the text report; nothing in JSON mode (stdout carries only the document). */
    void say(String line) {
        if (!json()) {
            ctx.out().println(Redactor.redact(line));
        }
    }

    /** A warning on stderr, in both modes. */
    void warn(String message) {
        ctx.err().println("warning: " + Redactor.redact(message));
        ctx.err().flush();
    }

    static String join(List<String> items) {
        return items.isEmpty() ? "(none)" : String.join(", ", items);
    }
}
