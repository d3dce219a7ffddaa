package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.credentials.PlaintextApproval;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.gitlab.oauth.OAuthClient;
import org.gitlabaccess.core.gitlab.oauth.OAuthTokens;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TerminalSafe;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupReport;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import org.gitlabaccess.core.setup.StepOutcome;
import org.gitlabaccess.core.setup.StepStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitlab-access setup}: the wizard's workflow, without the window. */
@Command(name = SetupCommand.NAME, sortOptions = false, header = "Do the whole setup without the window, step by step.",
        description = {"SSH: check the token (needs api) → create or reuse the key → upload it → ~/.ssh/config and",
            "known_hosts → rewrite remotes → verify as ssh -T and git ls-remote would.",
            "HTTPS: check the token (write_repository) → credential helper for the host (and the CA for git) →",
            "store the token → remove stale copies (~/.git-credentials, ~/.netrc) → rewrite remotes → verify.",
            "Re-running on a configured machine changes nothing. Exit 0 only when verification passes."})
final class SetupCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "setup";

    @Option(names = "--method", paramLabel = "ssh|https", required = true, description = "ssh (recommended) or https.")
    SetupMethod method;

    @Option(names = "--scan", paramLabel = "DIR", arity = "1..*", description = "Where to look for repositories.")
    List<Path> scan = new ArrayList<>();

    @Mixin
    KeyPassphraseFileOption keyPassphrase = new KeyPassphraseFileOption();

    @Option(names = "--key-file", paramLabel = "P", description = "Key to create or reuse (default: ~/.ssh/id_ed25519_<host>).")
    Path keyFile;

    @Option(names = "--credential-helper", paramLabel = "NAME", description = "HTTPS: the git credential helper to use.")
    String credentialHelper;

    @Option(names = "--revoke-token", description = "SSH: revoke the setup token once SSH works (least privilege).")
    boolean revokeToken;

    /** SSH only: the sign-in token is revoked at the end. */
    @Mixin
    SignInOptions signIn = new SignInOptions();

    SetupCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Secret token = optionalToken();
        OAuthClient oauthClient = null;
        OAuthTokens oauth = null;
        if (signIn.chosen()) {
            if (method != SetupMethod.SSH) {
                throw new ProblemException(ProblemKind.USAGE, "oauth-https",
                        "Browser sign-in sets up SSH only: its token lives two hours, too short for git over HTTPS.",
                        "Use --method ssh, or give HTTPS a personal access token.");
            }
            oauthClient = oauthClient(signIn.oauthClientId);
            oauth = signIn(oauthClient, signIn.web(), List.of("api"));
        }
        SetupRequest request = SetupRequest.builder(ctx.env(), site()).host(global().host()).caFile(global().caFile())
                .sshHost(global().sshHost()).sshPort(global().sshPort()).method(method).token(token).keyFile(keyFile)
                .keyPassphrase(readPassphrase(keyPassphrase.file)).hostKeyDecision(hostKeyDecision()).scanRoots(scan)
                .revokeTokenAfter(revokeToken).credentialHelper(credentialHelper).plaintextApproval(plaintextApproval())
                .oauth(oauth, oauthClient == null ? null : oauthClient.clientId()).build();
        SetupReport report = new SetupSession(request).apply(Progress.NONE, this::print);
        if (oauth != null && report.failure().isPresent()) {
            revokeQuietly(oauthClient, oauth);
        }
        report.warnings().forEach(this::warn);
        if (json()) {
            printJson(document(report));
        } else if (report.alreadySetUp()) {
            say("Already set up: nothing needed to change.");
        } else if (report.ok()) {
            say("Done: Git reaches GitLab over " + method.cliName().toUpperCase(Locale.ROOT) + ".");
        }
        if (report.failure().isPresent()) {
            StepOutcome f = report.failure().get();
            ctx.err().println("error: " + TerminalSafe.line(f.summary()));
            if (f.hint() != null) {
                ctx.err().println("hint: " + TerminalSafe.line(f.hint()));
            }
            return ExitCodes.of(f.problem().kind());
        }
        return ExitCodes.OK;
    }

    /** A failed run still leaves no sign-in token behind. */
    private void revokeQuietly(OAuthClient client, OAuthTokens oauth) {
        try {
            client.revoke(oauth);
        } catch (ProblemException e) {
            warn("The browser sign-in token could not be revoked (" + e.getMessage() + "); it expires in two hours.");
        }
    }

    /**
     * The 'store' helper writes the token in plain text: only an explicit answer at a terminal,
     * naming the file, allows it; --yes alone never does.
     */
    private PlaintextApproval plaintextApproval() {
        if (credentialHelper == null || !credentialHelper.strip().equalsIgnoreCase("store")
                || json()) {
            return null;
        }
        Path file = home().resolve(".git-credentials");
        return ctx.prompter().confirm(PlaintextApproval.question(file)) ? PlaintextApproval.confirmedFor(file) : null;
    }

    private void print(StepOutcome o) {
        String mark = switch (o.status()) {
            case CHANGED -> "✓";
            case UNCHANGED -> "✓";
            case SKIPPED -> "-";
            case FAILED -> "✗";
        };
        if (o.status() != StepStatus.FAILED) {
            say(mark + " " + TerminalSafe.lines(o.summary()));
            o.changes().forEach(c -> say("    " + c.kind() + ": " + c.target()));
        } else {
            say(mark + " " + o.stepId() + ": failed (see below)");
        }
    }

    private Map<String, Object> document(SetupReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("method", method.cliName());
        doc.put("ok", report.ok());
        doc.put("alreadySetUp", report.alreadySetUp());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepOutcome o : report.steps()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", o.stepId());
            s.put("status", o.status());
            s.put("summary", o.summary());
            s.put("hint", o.hint());
            s.put("changes", o.changes());
            s.put("details", o.details());
            steps.add(s);
        }
        doc.put("steps", steps);
        doc.put("warnings", report.warnings());
        report.failure().ifPresent(f -> {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("code", ExitCodes.of(f.problem().kind()));
            error.put("reason", f.problem().reason());
            error.put("message", f.summary());
            error.put("hint", f.hint());
            doc.put("error", error);
        });
        return doc;
    }
}
