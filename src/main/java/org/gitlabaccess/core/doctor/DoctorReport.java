package org.gitlabaccess.core.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.ProductInfo;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.credentials.GitCommand;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.ChildProcesses;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.repos.ChangeHistory;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.io.Redactor;

/**
 * A self-contained Markdown report for a helpdesk ticket: the machine, the versions of this
 * product, git and ssh, every check with its details, and the changes this product made. Every
 * line passes the redactor: a ticket system is no place for a token.
 */
public final class DoctorReport {
    private final Environment env;
    private final GitCommand git;
    private final Clock clock;

    /** @param git the run's git, whose version its checks have asked already */
    public DoctorReport(Environment env, GitCommand git, Clock clock) {
        this.env = env;
        this.git = git;
        this.clock = clock;
    }

    /** @param journal lines describing changes the product made (already free of secrets), newest last */
    public String render(String host, List<CheckResult> results, List<String> journal) {
        StringBuilder md = new StringBuilder();
        md.append("# GitLab Access Wizard — diagnosis report\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
        row(md, "GitLab", host);
        row(md, "Product", ProductInfo.versionLine());
        row(md, "Operating system", env.property("os.name").orElse("?") + " " + env.property("os.version").orElse("")
                + " (" + env.property("os.arch").orElse("?") + ")");
        row(md, "Java", env.property("java.runtime.version").or(() -> env.property("java.version")).orElse("?"));
        row(md, "git", gitVersion());
        row(md, "ssh", firstLine("ssh", "-V"));
        long failed = results.stream().filter(r -> r.status() == CheckStatus.FAIL).count();
        long warned = results.stream().filter(r -> r.status() == CheckStatus.WARN).count();
        md.append("\n## Summary\n\n").append(failed).append(" failed, ").append(warned).append(" warning(s), ")
                .append(results.size()).append(" checks.\n\n## Checks\n\n");
        for (CheckResult r : results) {
            md.append("### ").append(symbol(r.status())).append(' ').append(r.id().id()).append(" — ")
                    .append(r.status().name().toLowerCase(Locale.ROOT)).append("\n\n");
            md.append(r.summary()).append("\n\n");
            if (r.fix() != null && r.status() != CheckStatus.OK) {
                md.append("**Fix").append(r.fix().automatic() ? " (automatic with `doctor --fix`)" : "")
                        .append(":** ").append(r.fix().description()).append("\n\n");
            }
            if (!r.details().isEmpty()) {
                for (Map.Entry<String, Object> d : r.details().entrySet()) {
                    md.append("- ").append(d.getKey()).append(": `").append(d.getValue()).append("`\n");
                }
                md.append('\n');
            }
        }
        md.append("## Changes made by GitLab Access Wizard\n\n");
        if (journal.isEmpty()) {
            md.append("None recorded on this machine.\n");
        } else {
            journal.forEach(line -> md.append("- ").append(line).append('\n'));
        }
        return Redactor.redact(md.toString());
    }

    /** Renders the results, with the changes this product recorded, and writes them (see {@link #write}). */
    public void save(Path file, String host, List<CheckResult> results) throws IOException {
        write(file, render(host, results, ChangeHistory.lines(AppDirectories.of(env).stateDir())));
    }

    /**
     * Writes the report owner-only (it describes the user's setup) and atomically. A symbolic link at
     * the destination is refused, never followed: someone else may have planted it there; and a link
     * planted after that check is replaced by the rename, not written through.
     */
    public void write(Path file, String report) throws IOException {
        if (Files.isSymbolicLink(file)) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "report-is-link", Text.of("error.report-is-link", file),
                    Text.of("error.report-is-link.hint"));
        }
        try {
            new AtomicFile(clock).write(file, report.getBytes(StandardCharsets.UTF_8),
                    AtomicFile.Options.forSecret().withoutFollowingLinks());
        } catch (IOException e) {
            throw FileWriteProblems.of(file, e);
        }
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String symbol(CheckStatus s) {
        return switch (s) {
            case OK -> "✓";
            case WARN -> "⚠";
            case FAIL -> "✗";
            case SKIP -> "–";
        };
    }

    /** Asked through {@link GitCommand}: a timeout, and no git started while a global config would block it. */
    private String gitVersion() {
        try {
            return "git version " + git.requireUsable();
        } catch (ProblemException e) {
            return e.getMessage();
        }
    }

    private String firstLine(String... command) {
        try {
            Process p = ChildProcesses.withoutInput(env, List.of(command), Map.of()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("?").strip();
        } catch (IOException e) {
            return "not installed";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }
}
