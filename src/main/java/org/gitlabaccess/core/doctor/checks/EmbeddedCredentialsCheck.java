package org.gitlabaccess.core.doctor.checks;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.doctor.Check;
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

/**
 * Remotes (in the --scan roots) with a token or password inside the URL: visible in every
 * {@code git remote -v}, and still offered after the token expires. {@code --fix} removes the
 * credentials (journaled; {@code repos undo} restores the URLs without them).
 */
public final class EmbeddedCredentialsCheck implements Check {
    @Override
    public String id() {
        return "remote-embedded-credentials";
    }

    @Override
    public CheckResult run(DoctorContext c) {
        if (c.inputs().scanRoots().isEmpty()) {
            return CheckResult.skip(id(), c.texts().get("doctor.remote-embedded-credentials.no-scan"));
        }
        List<ConfigEdit> edits = plan(c);
        if (edits.isEmpty()) {
            return CheckResult.ok(id(), c.texts().get("doctor.remote-embedded-credentials.ok", c.url().host()));
        }
        String where = String.join("; ", edits.stream().map(e -> e.repository() + " (" + e.key() + ": "
                + e.shownBefore() + ")").toList());
        return CheckResult.fail(id(), c.texts().get("doctor.remote-embedded-credentials.found", edits.size(), where),
                Fix.automatic(c.texts().get("doctor.remote-embedded-credentials.fix"),
                        EmbeddedCredentialsCheck::removeCredentials));
    }

    private static List<ConfigEdit> plan(DoctorContext c) {
        RepositoryInventory inventory = new RepositoryInventory(c.inputs().env());
        var scan = inventory.scan(c.inputs().scanRoots(), ScanListener.NONE, new ScanCancellation());
        GitLabTarget target = GitLabTarget.of(c.url().toString(), Optional.empty(), Optional.empty());
        List<RepositoryRemotes> remotes = inventory.remotes(scan, target);
        List<RepositoryRemotes> withSecrets = remotes.stream().filter(r -> r.urls().stream()
                .anyMatch(u -> u.kind() == RemoteKind.HTTPS_EMBEDDED_CREDENTIALS)).toList();
        return new RewritePlanner(target).plan(withSecrets, RewriteTarget.HTTPS).edits().stream()
                .filter(ConfigEdit::credentialsRemoved).toList();
    }

    private static String removeCredentials(DoctorContext c) {
        List<ConfigEdit> edits = plan(c);
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
