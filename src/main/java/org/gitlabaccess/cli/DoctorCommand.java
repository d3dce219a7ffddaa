package org.gitlabaccess.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.CoreTexts;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.Doctor;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.DoctorReport;
import org.gitlabaccess.core.doctor.FixRunner;
import org.gitlabaccess.core.doctor.checks.DoctorChecks;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TerminalSafe;
import org.gitlabaccess.core.runner.RunnerConfig;
import org.gitlabaccess.core.runner.RunnerHost;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access doctor}: every check, in plain words, with the fix. */
@Command(name = DoctorCommand.NAME, sortOptions = false, header = "Diagnose what blocks Git access to GitLab, and fix it on request.",
        description = {"Runs every check in parallel and changes nothing, unless --fix: then the automatic fixes are",
            "applied (each asked for, unless --yes) and the checks they touched run again.",
            "Exit 1 when any check fails."})
final class DoctorCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "doctor";

    @Option(names = "--fix", description = "Apply the fixes marked automatic.")
    boolean fix;

    @Option(names = "--scan", paramLabel = "DIR", arity = "1..*", description = "Look for repositories here.")
    List<Path> scan = new ArrayList<>();

    @Option(names = "--key-passphrase-file", paramLabel = "F", description = "To try a passphrase-protected SSH key.")
    Path keyPassphraseFile;

    @Option(names = "--runner", description = "Also check this build server's GitLab runners: their tokens, and the "
            + "docker logins image pulls use (implied where /etc/gitlab-runner/config.toml can be read).")
    boolean runner;

    @Option(names = "--runner-config", paramLabel = "PATH",
            description = "gitlab-runner's configuration (default: /etc/gitlab-runner/config.toml).")
    Path runnerConfig;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a redacted Markdown report for a helpdesk ticket.")
    Path report;

    DoctorCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (fix && !global().yes() && !ctx.prompter().interactive()) {
            // Each fix is asked for; with nobody to answer, every answer would be no and nothing would change.
            throw new ProblemException(ProblemKind.USAGE, "fix-needs-consent",
                    "--fix asks before each fix, and there is no terminal to answer.",
                    "Add --yes to apply the automatic fixes, or run it at a terminal.");
        }
        Secret token = optionalToken();
        DoctorContext.Inputs inputs = new DoctorContext.Inputs(ctx.env(), site(), global().host(), global().caFile(),
                global().sshHost(), global().sshPort(), token, scan.isEmpty() ? site().scanRoots() : scan,
                readPassphrase(keyPassphraseFile), hostKeyDecision(), machineName(), Clock.systemUTC(), Locale.ENGLISH,
                CoreTexts.Wording.COMMAND_LINE);
        List<Check> checks = new ArrayList<>(DoctorChecks.all());
        Path runnerFile = runnerConfig != null ? runnerConfig : RunnerConfig.DEFAULT_FILE;
        if (runner || runnerConfig != null || Files.isReadable(RunnerConfig.DEFAULT_FILE)) {
            checks.addAll(DoctorChecks.runner(RunnerHost.system(), runnerFile));
        }
        DoctorContext context = new DoctorContext(inputs);
        List<CheckResult> results = new Doctor(checks, Doctor.PER_CHECK_TIMEOUT).run(context, r -> printText(r));
        List<FixEntry> fixes = new ArrayList<>();
        if (fix) {
            results = applyFixes(checks, inputs, results, fixes);
        }
        if (report != null) {
            writeReport(context, results);
        }
        if (json()) {
            List<CheckEntry> entries = results.stream().map(CheckEntry::of).toList();
            printJson(fix ? new FixedDocument(entries, fixes) : new Document(entries));
        } else {
            long ok = count(results, CheckStatus.OK);
            long warn = count(results, CheckStatus.WARN);
            long failed = count(results, CheckStatus.FAIL);
            long skipped = count(results, CheckStatus.SKIP);
            say("");
            say(ok + " ok, " + warn + " warning" + (warn == 1 ? "" : "s") + ", " + failed + " failed"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "") + ".");
        }
        boolean fixFailed = fixes.stream().anyMatch(f -> f.error() != null);
        return fixFailed || results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL) ? ExitCodes.CHECK_FAILED
                : ExitCodes.OK;
    }

    /** The automatic fixes, each asked for unless --yes, through the wizard's FixRunner; the results after them. */
    private List<CheckResult> applyFixes(List<Check> checks, DoctorContext.Inputs inputs, List<CheckResult> results,
                                         List<FixEntry> fixes) {
        FixRunner.Listener told = new FixRunner.Listener() {
            @Override
            public void applied(CheckResult r, String what) {
                say("fixed " + r.id().id() + ": " + TerminalSafe.lines(what));
                fixes.add(new FixEntry(r.id().id(), what, null));
            }

            @Override
            public void failed(CheckResult r, RuntimeException why) {
                String message = TerminalSafe.lines(Redactor.redact(String.valueOf(why.getMessage())));
                warn("could not fix " + r.id().id() + ": " + message);
                fixes.add(new FixEntry(r.id().id(), null, message));
            }
        };
        List<FixRunner.Outcome> outcomes = new FixRunner(checks, Doctor.PER_CHECK_TIMEOUT).apply(inputs, results,
                r -> global().yes() || confirm("Fix " + r.id().id() + ": " + TerminalSafe.lines(r.fix().consent())), told);
        for (FixRunner.Outcome o : outcomes) {
            say(o.id().id() + ": " + symbol(o.before().status()) + " → " + symbol(o.after().status()) + " "
                    + TerminalSafe.lines(o.after().summary()));
        }
        return FixRunner.merge(results, outcomes);
    }

    /** {@code doctor --json}: the checks. */
    record Document(List<CheckEntry> checks) {
    }

    /** {@code doctor --json --fix}: the checks after the fixes, and what each fix changed. */
    record FixedDocument(List<CheckEntry> checks, List<FixEntry> fixes) {
    }

    /** One check in the JSON contract; its status in lower case. */
    record CheckEntry(String id, String status, String summary, String fix, boolean fixAutomatic,
                      Map<String, Object> details) {
        static CheckEntry of(CheckResult r) {
            return new CheckEntry(r.id().id(), r.status().name().toLowerCase(Locale.ROOT), r.summary(),
                    r.fix() == null ? null : r.fix().description(), r.fix() != null && r.fix().automatic(),
                    r.details());
        }
    }

    /** One fix tried: the check's id, and the sentence of what changed or why it could not be made. */
    record FixEntry(String id, String result, String error) {
    }

    private void writeReport(DoctorContext context, List<CheckResult> results) {
        String host;
        try {
            host = context.url().toString();
        } catch (ProblemException e) {
            host = String.valueOf(global().host());
        }
        try {
            new DoctorReport(ctx.env(), context.git(), Clock.systemUTC()).save(report, host, results);
            say("Report written to " + report + " (secrets redacted).");
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES,
                    "report-unwritable", "The report could not be written to " + report + ".",
                    "Choose a file in a folder you may write to.", e);
        }
    }

    private boolean confirm(String question) {
        return ctx.prompter().confirm(question);
    }

    private void printText(CheckResult r) {
        if (json()) {
            return;
        }
        // The colour is ours; the summary may quote a server or a file, so its control characters are neutralised.
        say(colour(r.status(), symbol(r.status())) + " " + r.id().id() + ": " + TerminalSafe.lines(r.summary()));
        if (r.fix() != null && r.status() != CheckStatus.OK) {
            say("    fix" + (r.fix().automatic() ? " (--fix can do it)" : "") + ": " + TerminalSafe.lines(r.fix().description()));
        }
    }

    private static String symbol(CheckStatus s) {
        return switch (s) {
            case OK -> "✓";
            case WARN -> "!";
            case FAIL -> "✗";
            case SKIP -> "-";
        };
    }

    /** Colour only on a terminal, and never with NO_COLOR set (no-color.org). */
    private String colour(CheckStatus s, String text) {
        if (!ctx.prompter().interactive() || ctx.env().variable("NO_COLOR").isPresent()) {
            return text;
        }
        String code = switch (s) {
            case OK -> "32";
            case WARN -> "33";
            case FAIL -> "31";
            case SKIP -> "90";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }

    private static long count(List<CheckResult> results, CheckStatus s) {
        return results.stream().filter(r -> r.status() == s).count();
    }
}
