package org.gitlabaccess.core.doctor.checks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.doctor.Check;
import org.gitlabaccess.core.doctor.CheckId;
import org.gitlabaccess.core.doctor.CheckResult;
import org.gitlabaccess.core.doctor.DoctorContext;
import org.gitlabaccess.core.doctor.Fix;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.ConfigEditor;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RepositoryInventory;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewriteJournal;
import org.gitlabaccess.core.repos.RewritePlanner;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.repos.ScanResult;

/**
 * Remotes (in the --scan roots) with a token or password inside the URL: visible in every
 * {@code git remote -v}, and still offered after the token expires. {@code --fix} removes the
 * credentials (journaled; {@code repos undo} restores the URLs without them).
 */
public final class EmbeddedCredentialsCheck implements Check {
    @Override
    public CheckId id() {
        return CheckId.REMOTE_EMBEDDED_CREDENTIALS;
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.inputs().scanRoots().isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.remote-embedded-credentials.no-scan"));
        }
        Plan plan = plan(c);
        List<ConfigEdit> edits = plan.edits();
        // Files the scan would not open (FIFOs, devices, huge files) are named: a remote there went unchecked.
        String skipped = plan.skipped().isEmpty() ? "" : " " + c.texts().get(
                "doctor.files-not-read", String.join("; ", plan.skipped().stream()
                        .map(s -> s.path() + " (" + s.reason().id() + ")").toList()));
        if (edits.isEmpty()) {
            String summary = c.texts().get("doctor.remote-embedded-credentials.ok", c.url().host()) + skipped;
            return plan.skipped().isEmpty() ? CheckResult.ok(id(), summary) : CheckResult.warn(id(), summary, null);
        }
        String where = String.join("; ", edits.stream().map(e -> e.repository() + " (" + e.key() + ": "
                + e.shownBefore() + ")").toList());
        return CheckResult.fail(id(), c.texts().get("doctor.remote-embedded-credentials.found", edits.size(), where)
                        + skipped, Fix.automatic(c.texts().get("doctor.remote-embedded-credentials.fix"),
                        c.texts().get("doctor.remote-embedded-credentials.consent", edits.size(), String.join(", ",
                                edits.stream().map(e -> e.repository().toString()).distinct().toList())),
                        EmbeddedCredentialsCheck::removeCredentials));
    }

    /** The edits that remove embedded credentials, and the git files that were not read. */
    private record Plan(List<ConfigEdit> edits, List<ScanResult.Skipped> skipped) {
    }

    private static Plan plan(DoctorContext c) {
        RepositoryInventory inventory = new RepositoryInventory(c.inputs().env());
        var scan = inventory.scan(c.inputs().scanRoots(), ScanListener.NONE, new ScanCancellation());
        GitLabTarget target = GitLabTarget.of(c.url().toString(), Optional.empty(), Optional.empty());
        List<RepositoryRemotes> remotes = inventory.remotes(scan, target);
        List<RepositoryRemotes> withSecrets = remotes.stream().filter(r -> r.urls().stream()
                .anyMatch(u -> u.kind() == RemoteKind.HTTPS_EMBEDDED_CREDENTIALS)).toList();
        List<ScanResult.Skipped> skipped = inventory.skipped(scan, remotes).stream()
                .filter(s -> s.reason().isFile()).toList();
        return new Plan(new RewritePlanner(target).plan(withSecrets, RewriteTarget.HTTPS).edits().stream()
                .filter(ConfigEdit::credentialsRemoved).toList(), skipped);
    }

    private static String removeCredentials(DoctorContext c) {
        List<ConfigEdit> edits = plan(c).edits();
        try (RewriteJournal journal = RewriteJournal.create(AppDirectories.of(c.inputs().env()).stateDir(),
                RewriteJournal.REWRITE, c.inputs().clock())) {
            var report = new RewriteApplier(new ConfigEditor()).apply(edits, journal);
            return report.problems().isEmpty()
                    ? c.texts().get("doctor.remote-embedded-credentials.fixed", report.changed().size())
                    : c.texts().get("doctor.remote-embedded-credentials.fixed.partly", report.changed().size(),
                            report.problems().size());
        } catch (IOException e) {
            return c.texts().get("doctor.remote-embedded-credentials.fixed.no-journal", e.getMessage());
        }
    }
}
