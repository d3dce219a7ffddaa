package org.gitlabaccess.cli;

import java.util.List;
import java.util.Map;
import org.gitlabaccess.core.repos.RewriteApplier;

/** Renders what a rewrite or an undo did: the journal, each changed repository, each one skipped and why. */
final class ReposApplyReport {
    private ReposApplyReport() {
    }

    static Map<String, Object> render(ReposSupport cmd, Map<String, Object> doc, RewriteApplier.Report report,
                                      String verb) {
        doc.put("run", report.run());
        doc.put("journal", report.journal().toString());
        doc.put("changed", report.changed().stream().map(o -> Map.of("path", o.repository().toString(),
                "config", o.configFile().toString(), "changes", o.edits().size())).toList());
        doc.put("skipped", report.problems().stream().map(o -> Map.of("path", o.repository().toString(),
                "status", o.status().name().toLowerCase(), "reason", o.detail())).toList());
        List<RewriteApplier.Outcome> problems = report.problems();
        for (RewriteApplier.Outcome o : problems) {
            cmd.warn(o.repository() + " was not changed: " + o.detail());
        }
        cmd.say(verb + " " + report.changed().size() + " of " + report.outcomes().size()
                + (report.outcomes().size() == 1 ? " repository" : " repositories")
                + (problems.isEmpty() ? "" : "; " + problems.size() + " skipped (see above)") + ". Journal: "
                + report.journal());
        return doc;
    }
}
