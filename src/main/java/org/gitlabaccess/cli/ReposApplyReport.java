package org.gitlabaccess.cli;

import java.util.List;
import org.gitlabaccess.core.repos.RewriteApplier;

/** Reports what a rewrite or an undo did: the journal, each changed repository, each one skipped and why. */
final class ReposApplyReport {
    private ReposApplyReport() {
    }

    static ReposDocuments.Applied render(ReposSupport cmd, RewriteApplier.Report report, String verb) {
        List<RewriteApplier.Outcome> problems = report.problems();
        for (RewriteApplier.Outcome o : problems) {
            cmd.warn(o.repository() + " was not changed: " + o.detail());
        }
        cmd.say(verb + " " + report.changed().size() + " of " + report.outcomes().size()
                + (report.outcomes().size() == 1 ? " repository" : " repositories")
                + (problems.isEmpty() ? "" : "; " + problems.size() + " skipped (see above)") + ". Journal: "
                + report.journal());
        return ReposDocuments.Applied.of(report);
    }

    /** 0 when every repository changed; 5 when only local files stopped it; 1 otherwise. */
    static int exitCode(RewriteApplier.Report report) {
        return report.problems().isEmpty() ? ExitCodes.OK
                : report.stoppedByLocalFiles() ? ExitCodes.LOCAL_FILES : ExitCodes.CHECK_FAILED;
    }
}
