package org.gitlabaccess.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;
import org.gitlabaccess.core.io.Redactor;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.FoundRepository;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RemoteUrl;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewritePlan;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.repos.RewriteUndo;
import org.gitlabaccess.core.repos.ScanResult;

/** The JSON documents of {@code repos scan | rewrite | undo}, typed; secrets in URLs are masked. */
final class ReposDocuments {
    private ReposDocuments() {
    }

    /** {@code repos scan}. */
    record Scan(String host, String sshHost, List<Repository> repositories, long directoriesScanned,
                List<Skipped> skipped) {
    }

    @JsonInclude(Include.NON_NULL)
    record Repository(String path, FoundRepository.Layout layout, boolean bare, String gitDir, List<Remote> remotes,
                      String problem) {
        static Repository of(RepositoryRemotes r) {
            List<Remote> remotes = r.byRemote().entrySet().stream().map(e -> Remote.of(e.getKey(), e.getValue()))
                    .toList();
            return new Repository(r.repository().path().toString(), r.repository().layout(), r.repository().bare(),
                    r.repository().gitDir().toString(), remotes, r.problem().orElse(null));
        }
    }

    /** A remote as git fetches from it; the configured URL and the rule only where an insteadOf rule rewrote it. */
    record Remote(String name, String url, RemoteKind kind, String host, String project,
                  @JsonInclude(Include.NON_NULL) String configuredUrl, @JsonInclude(Include.NON_NULL) String insteadOf,
                  @JsonInclude(Include.NON_NULL) String pushUrl, @JsonInclude(Include.NON_NULL) RemoteKind pushKind) {
        static Remote of(String name, List<RemoteUrl> urls) {
            RemoteUrl fetch = urls.stream().filter(u -> u.key().equals(RemoteUrl.URL)).findFirst().orElse(urls.get(0));
            RemoteUrl push = urls.stream().filter(u -> !u.key().equals(RemoteUrl.URL)).findFirst().orElse(null);
            return new Remote(name, fetch.effective().redacted(), fetch.kind(), fetch.host(),
                    fetch.project().isEmpty() ? null : fetch.project(),
                    fetch.rewrittenByRule() ? fetch.configured().redacted() : null,
                    fetch.rewrittenByRule() ? Redactor.redact(fetch.rule().get()) : null,
                    push == null ? null : push.effective().redacted(), push == null ? null : push.kind());
        }
    }

    record Skipped(String path, ScanResult.Reason reason) {
        static Skipped of(ScanResult.Skipped s) {
            return new Skipped(s.path().toString(), s.reason());
        }
    }

    /** One value of a plan, before and after, secrets masked. */
    record Edit(String path, String key, String before, String after, boolean credentialsRemoved) {
        static List<Edit> of(List<ConfigEdit> edits) {
            return edits.stream().map(e -> new Edit(e.repository().toString(), e.key(), e.shownBefore(), e.shownAfter(),
                    e.credentialsRemoved())).toList();
        }
    }

    /** {@code repos rewrite}: the plan, and once applied, what the run did. */
    @JsonInclude(Include.NON_NULL)
    record Rewrite(RewriteTarget to, boolean dryRun, List<Edit> plan, int alreadyInTargetForm,
                   List<LeftAlone> leftAlone, String run, String journal, List<Changed> changed, List<NotChanged> skipped) {
        static Rewrite planned(RewritePlan plan, boolean dryRun) {
            return new Rewrite(plan.target(), dryRun, Edit.of(plan.edits()), plan.alreadyInTargetForm(),
                    plan.leftAlone().stream().map(LeftAlone::of).toList(), null, null, null, null);
        }

        Rewrite applied(Applied a) {
            return new Rewrite(to, dryRun, plan, alreadyInTargetForm, leftAlone, a.run(), a.journal(), a.changed(),
                    a.skipped());
        }
    }

    record LeftAlone(String path, String remote, String url, String reason) {
        static LeftAlone of(RewritePlan.Left l) {
            return new LeftAlone(l.repository().toString(), l.remote(), l.url(), l.reason());
        }
    }

    /**
     * {@code repos undo}: the journal and its plan, and once applied, what the run did ({@code journal}
     * is then the undo's own journal). Without any journal, only {@code journal: null} and an empty plan.
     */
    record Undo(String journal, List<Edit> plan, @JsonInclude(Include.NON_NULL) Integer alreadyRestored,
                @JsonInclude(Include.NON_NULL) List<ChangedSince> changedSince,
                @JsonInclude(Include.NON_NULL) Boolean credentialsNotRestored,
                @JsonInclude(Include.NON_NULL) String run, @JsonInclude(Include.NON_NULL) List<Changed> changed,
                @JsonInclude(Include.NON_NULL) List<NotChanged> skipped) {
        static Undo none() {
            return new Undo(null, List.of(), null, null, null, null, null, null);
        }

        static Undo planned(RewriteUndo.Plan plan) {
            return new Undo(plan.journal().toString(), Edit.of(plan.edits()), plan.alreadyRestored().size(),
                    plan.changedSince().stream().map(ChangedSince::of).toList(), plan.credentialsNotRestored(),
                    null, null, null);
        }

        Undo applied(Applied a) {
            return new Undo(a.journal(), plan, alreadyRestored, changedSince, credentialsNotRestored, a.run(),
                    a.changed(), a.skipped());
        }
    }

    record ChangedSince(String path, String key, String reason) {
        static ChangedSince of(RewriteUndo.Left l) {
            return new ChangedSince(l.repository().toString(), l.key(), l.reason());
        }
    }

    /** What a rewrite or an undo run did: its journal, each repository changed, each one not and why. */
    record Applied(String run, String journal, List<Changed> changed, List<NotChanged> skipped) {
        static Applied of(RewriteApplier.Report report) {
            return new Applied(report.run(), report.journal().toString(), report.changed().stream().map(o ->
                    new Changed(o.repository().toString(), o.configFile().toString(), o.edits().size())).toList(),
                    report.problems().stream().map(o -> new NotChanged(o.repository().toString(), o.status(),
                            o.detail())).toList());
        }
    }

    record Changed(String path, String config, int changes) {
    }

    record NotChanged(String path, RewriteApplier.Status status, String reason) {
    }
}
