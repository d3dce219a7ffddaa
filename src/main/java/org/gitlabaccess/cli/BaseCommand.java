package org.gitlabaccess.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.SiteConfig;
import org.gitlabaccess.core.TokenInput;
import org.gitlabaccess.core.gitlab.AccessTarget;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.Sleeper;
import org.gitlabaccess.core.gitlab.TokenLinks;
import org.gitlabaccess.core.gitlab.oauth.OAuthClient;
import org.gitlabaccess.core.gitlab.oauth.OAuthTokens;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.MachineName;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.UserHome;
import org.gitlabaccess.core.ssh.HostKeyDecision;
import org.gitlabaccess.core.ssh.SshConfigLookup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the global options, the site configuration, the token, output. */
abstract class BaseCommand implements Callable<Integer> {
    protected final CliContext ctx;

    @Spec
    CommandSpec spec;

    private SiteConfig site;
    private Instance instance;
    private SshConfigLookup sshLookup;

    BaseCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The key expiry {@code --expires-at} asks for, checked before anything is changed: a date as
     * YYYY-MM-DD after today. Empty when the option is not given.
     */
    static Optional<LocalDate> requestedExpiry(String expiresAt, LocalDate today) {
        if (expiresAt == null) {
            return Optional.empty();
        }
        try {
            LocalDate d = LocalDate.parse(expiresAt);
            if (!d.isAfter(today)) {
                throw new ProblemException(ProblemKind.USAGE, "bad-expiry", "--expires-at " + expiresAt
                        + " is not in the future.", "Give a date after today, as YYYY-MM-DD.");
            }
            return Optional.of(d);
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemKind.USAGE, "bad-expiry", "--expires-at "
                    + NetworkNames.printable(expiresAt) + " is not a date.",
                    "Give it as YYYY-MM-DD, for example " + today.plusDays(365) + ".");
        }
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

    private TokenInput.Source tokenSource() {
        return new TokenInput.Source(global().tokenFile(), global().tokenStdin());
    }

    /** Whether a token was given at all (--token-file, --token-stdin or GITLAB_TOKEN), without reading it. */
    boolean tokenGiven() {
        return tokenSource().file() != null || tokenSource().stdin()
                || ctx.env().variable(TokenInput.ENV_VARIABLE).isPresent();
    }

    /** The token from --token-file, --token-stdin or GITLAB_TOKEN, if one was given (read once). */
    Secret optionalToken() {
        TokenInput input = new TokenInput();
        var token = input.read(tokenSource(), ctx.in(), ctx.env());
        input.warnings().forEach(this::warn);
        return token.orElse(null);
    }

    /** The token from --token-file, --token-stdin or GITLAB_TOKEN; a clear error with the fix when none. */
    Secret requireToken(SetupMethod method) {
        Secret token = optionalToken();
        if (token == null) {
            throw new ProblemException(ProblemKind.USAGE, "token-missing",
                    "This command needs a GitLab personal access token, and none was given.",
                    "Create one at " + TokenLinks.creationPage(access().rootForHint(), TokenLinks.scopesFor(method),
                            machineName(), LocalDate.now(ZoneOffset.UTC))
                            + " and pass it with --token-file FILE, --token-stdin, or GITLAB_TOKEN.");
        }
        return token;
    }

    /** The OAuth application for browser sign-in: the option, else the site configuration, else a clear error. */
    OAuthClient oauthClient(String clientIdOption) {
        String clientId = clientIdOption != null ? clientIdOption : site().oauthClientId().orElseThrow(() ->
                new ProblemException(ProblemKind.USAGE, "oauth-client-missing",
                        "Browser sign-in needs the id of an OAuth application registered on your GitLab.",
                        "Pass --oauth-client-id ID or set oauthClientId in the site configuration; README explains "
                                + "how IT registers the application."));
        return new OAuthClient(instance().client(null), clientId, Clock.systemUTC(), Sleeper.REAL);
    }

    /**
     * Browser (PKCE) or device sign-in. Instructions go to stderr, so that --json keeps stdout for
     * the document.
     */
    OAuthTokens signIn(OAuthClient oauth, boolean web, List<String> scopes) {
        if (web) {
            return oauth.signInWithBrowser(scopes, ctx.browser(),
                    url -> note("Opening your browser to sign in to GitLab. If it does not open, visit:\n  " + url),
                    OAuthClient.BROWSER_TIMEOUT);
        }
        var session = oauth.startDevice(scopes);
        note("To sign in, open " + session.code().verificationUri() + " on any device and enter the code "
                + session.code().userCode() + " (valid for " + session.code().expiresIn().toMinutes() + " minutes).");
        return oauth.awaitDevice(session, () -> false);
    }

    /** Progress and instructions on stderr. */
    void note(String text) {
        ctx.err().println(text);
        ctx.err().flush();
    }

    /** Which GitLab, where its SSH goes, the default key file: from the global options and the site configuration. */
    AccessTarget access() {
        return new AccessTarget(ctx.env(), site(), global().host(), global().sshHost(), global().sshPort());
    }

    /** The product's key for the SSH host in use, found without the network: {@code ~/.ssh/id_ed25519_<host>}. */
    Path defaultKeyFile() {
        AccessTarget access = access();
        return access.defaultKeyFile(access.ssh(null).endpoint());
    }

    /** OpenSSH's view of ~/.ssh/config, asked once per host during this run. */
    SshConfigLookup sshLookup() {
        if (sshLookup == null) {
            sshLookup = SshConfigLookup.of(ctx.env());
        }
        return sshLookup;
    }

    /** A new host key is accepted with --yes, or by the user at a prompt; never silently. */
    HostKeyDecision hostKeyDecision() {
        if (global().yes()) {
            return HostKeyDecision.ACCEPT;
        }
        if (!ctx.prompter().interactive() || json()) {
            return HostKeyDecision.REFUSE;
        }
        return (endpoint, key, fingerprint) -> {
            ctx.err().println("The authenticity of host '" + endpoint.knownHostsName() + "' can't be established.");
            ctx.err().println(KeyUtils.getKeyType(key) + " key fingerprint is "
                    + fingerprint + ".");
            return ctx.prompter().confirm("Trust it and record it in ~/.ssh/known_hosts?");
        };
    }

    Path home() {
        return UserHome.resolve(ctx.env());
    }

    /** A passphrase from the first line of a file; null when no file was named. */
    Secret readPassphrase(Path file) {
        if (file == null) {
            return null;
        }
        try {
            String first = Files.readAllLines(file).stream().findFirst().orElse("");
            return Secret.exact(first);
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "passphrase-file-unreadable",
                    "The passphrase file " + file + " could not be read.", "Check the path and that you may read it.");
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
