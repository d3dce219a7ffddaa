package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.CheckStatus;
import org.gitlabaccess.core.doctor.Doctor;
import org.gitlabaccess.core.doctor.DoctorChecks;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.io.Secret;
import org.gitlabaccess.core.io.TerminalSafe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gitlab-access doctor}: every check, in plain words, with the fix. */
@Command(name = "doctor", sortOptions = false, header = "Diagnose what blocks Git access to GitLab, and fix it on request.",
        description = {"Runs every check in parallel and changes nothing, unless --fix: then the automatic fixes are",
            "applied (each asked for, unless --yes) and the checks they touched run again.",
            "Exit 1 when any check fails."})
final class DoctorCommand extends BaseCommand {
    @Option(names = "--fix", description = "Apply the fixes marked automatic.")
    boolean fix;

    @Option(names = "--scan", paramLabel = "DIR", arity = "1..*", description = "Look for repositories here.")
    List<Path> scan = new ArrayList<>();

    @Option(names = "--key-passphrase-file", paramLabel = "F", description = "To try a passphrase-protected SSH key.")
    Path keyPassphraseFile;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write a redacted Markdown report for a helpdesk ticket.")
    Path report;

    DoctorCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        Secret token = optionalToken();
        DoctorContext.Inputs inputs = new DoctorContext.Inputs(ctx.env(), site(), global().host(), global().caFile(),
                global().sshHost(), global().sshPort(), token, scan.isEmpty() ? site().scanRoots() : scan,
                readPassphrase(keyPassphraseFile), hostKeyDecision(), machineName(), Clock.systemUTC(), Locale.ENGLISH);
        Doctor doctor = new Doctor(DoctorChecks.all(), Doctor.PER_CHECK_TIMEOUT);
        DoctorContext context = new DoctorContext(inputs);
        List<CheckResult> results = doctor.run(context, r -> printText(r));
        List<Map<String, Object>> fixes = new ArrayList<>();
        if (fix) {
            results = applyFixes(doctor, inputs, results, fixes);
        }
        if (report != null) {
            writeReport(context, results);
        }
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            List<Map<String, Object>> checks = new ArrayList<>();
            for (CheckResult r : results) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", r.id());
                m.put("status", r.status().name().toLowerCase(Locale.ROOT));
                m.put("summary", r.summary());
                m.put("fix", r.fix() == null ? null : r.fix().description());
                m.put("fixAutomatic", r.fix() != null && r.fix().automatic());
                m.put("details", r.details());
                checks.add(m);
            }
            doc.put("checks", checks);
            if (fix) {
                doc.put("fixes", fixes);
            }
            printJson(doc);
        } else {
            long ok = count(results, CheckStatus.OK);
            long warn = count(results, CheckStatus.WARN);
            long failed = count(results, CheckStatus.FAIL);
            long skipped = count(results, CheckStatus.SKIP);
            say("");
            say(ok + " ok, " + warn + " warning" + (warn == 1 ? "" : "s") + ", " + failed + " failed"
                    + (skipped > 0 ? ", " + skipped + " skipped" : "") + ".");
        }
        return results.stream().anyMatch(r -> r.status() == CheckStatus.FAIL) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
    }

    private List<CheckResult> applyFixes(Doctor doctor, DoctorContext.Inputs inputs, List<CheckResult> before,
                                         List<Map<String, Object>> fixes) {
        List<Check> touched = new ArrayList<>();
        DoctorContext context = new DoctorContext(inputs);
        for (int i = 0; i < before.size(); i++) {
            CheckResult r = before.get(i);
            if (r.fix() == null || !r.fix().automatic() || r.status() == CheckStatus.OK) {
                continue;
            }
            if (!global().yes() && !confirm("Fix " + r.id() + ": " + r.fix().description())) {
                continue;
            }
            String what = r.fix().action().apply(context);
            say("fixed " + r.id() + ": " + what);
            fixes.add(Map.of("id", r.id(), "result", what));
            touched.add(doctor.checks().get(i));
        }
        if (touched.isEmpty()) {
            return before;
        }
        List<CheckResult> after = new Doctor(touched, Doctor.PER_CHECK_TIMEOUT).run(new DoctorContext(inputs), x -> { });
        List<CheckResult> merged = new ArrayList<>(before);
        for (CheckResult a : after) {
            for (int i = 0; i < merged.size(); i++) {
                if (merged.get(i).id().equals(a.id())) {
                    say(a.id() + ": " + symbol(merged.get(i).status()) + " → " + symbol(a.status()) + " " + a.summary());
                    merged.set(i, a);
                }
            }
        }
        return merged;
    }

    private void writeReport(DoctorContext context, List<CheckResult> results) {
        var doctorReport = new org.gitlabaccess.core.doctor.DoctorReport(ctx.env(), Clock.systemUTC());
        String host;
        try {
            host = context.url().toString();
        } catch (org.gitlabaccess.core.ProblemException e) {
            host = String.valueOf(global().host());
        }
        try {
            doctorReport.write(report, doctorReport.render(host, results, journalLines()));
            say("Report written to " + report + " (secrets redacted).");
        } catch (java.io.IOException e) {
            throw new org.gitlabaccess.core.ProblemException(org.gitlabaccess.core.ProblemKind.LOCAL_FILES,
                    "report-unwritable", "The report could not be written to " + report + ".",
                    "Choose a file in a folder you may write to.", e);
        }
    }

    /** The changes this product recorded, for the report. */
    private List<String> journalLines() {
        return org.gitlabaccess.core.repos.ChangeHistory.lines(dirs().stateDir());
    }

    private boolean confirm(String question) {
        if (System.console() == null) {
            return false;
        }
        ctx.err().print(question + " [y/N] ");
        ctx.err().flush();
        String answer = System.console().readLine();
        return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
    }

    private void printText(CheckResult r) {
        if (json()) {
            return;
        }
        // The colour is ours; the summary may quote a server or a file, so its control characters are neutralised.
        say(colour(r.status(), symbol(r.status())) + " " + r.id() + ": " + TerminalSafe.lines(r.summary()));
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
        if (System.console() == null || ctx.env().variable("NO_COLOR").isPresent()) {
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
