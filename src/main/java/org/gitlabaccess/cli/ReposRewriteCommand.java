package org.gitlabaccess.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.cli.ReposDocuments.Rewrite;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.ConfigEditor;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.GlobalInsteadOf;
import org.gitlabaccess.core.repos.RemoteKind;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RewriteApplier;
import org.gitlabaccess.core.repos.RewriteJournal;
import org.gitlabaccess.core.repos.RewritePlan;
import org.gitlabaccess.core.repos.RewritePlanner;
import org.gitlabaccess.core.repos.RewriteTarget;
import org.gitlabaccess.core.repos.ScanResult;
import org.gitlabaccess.core.repos.SshEndpointLookup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gitlab-access repos rewrite}: remotes to SSH or HTTPS, planned, journaled, verified. */
@Command(name = ReposRewriteCommand.NAME, sortOptions = false,
        header = "Rewrite the remotes of local repositories to SSH or HTTPS, with a journal for 'repos undo'.",
        description = {"Shows the plan (before -> after, secrets masked), then changes each repository's config the "
                + "way git does (config.lock). A repository whose config is locked is skipped as busy, never forced. "
                + "Other hosts are never touched; credentials embedded in URLs are removed. Running it again changes "
                + "nothing that is already in the target form.",
            "When standard input is a terminal and --yes is absent, it asks before changing anything; with --yes, "
                + "--json, or no terminal it proceeds without asking.",
            "SSH addresses use --ssh-host/--ssh-port, else the site configuration, else (when a token is given) "
                + "GitLab's ssh_url_to_repo, else the web host and port 22.",
            "Exit code 1 when some repositories could not be changed."})
final class ReposRewriteCommand extends ReposSupport {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "rewrite";

    @Option(names = "--to", required = true, paramLabel = "ssh|https", description = "The form remotes should take.")
    RewriteTarget to;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--global-insteadof",
            description = "Instead of editing each repository, add one url.<ssh>.insteadOf <https> rule to ~/.gitconfig "
                    + "(--to ssh only).")
    boolean globalInsteadOf;

    @Mixin
    ScanDirectories scanDirectories = new ScanDirectories();

    ReposRewriteCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        if (globalInsteadOf && to != RewriteTarget.SSH) {
            throw new ProblemException(ProblemKind.USAGE, "conflicting-options",
                    "--global-insteadof makes git use SSH for HTTPS addresses; it works with --to ssh only.",
                    "Use --to ssh, or leave out --global-insteadof.");
        }
        GitLabTarget target = target();
        RewritePlan plan;
        if (globalInsteadOf) {
            plan = globalPlan(target);
        } else {
            ScanResult scan = scan(roots(scanDirectories.directories));
            List<RepositoryRemotes> repos = remotes(scan, target);
            if (to == RewriteTarget.SSH && !sshEndpointGiven() && tokenGiven()) {
                Optional<GitLabTarget> asked = askGitLab(target, repos);
                if (asked.isPresent() && !asked.get().equals(target)) {
                    target = asked.get();
                    repos = remotes(scan, target);
                }
            }
            plan = new RewritePlanner(target).plan(repos, to);
        }
        Rewrite doc = Rewrite.planned(plan, dryRun);
        printPlan(plan);
        if (plan.nothingToDo() || dryRun) {
            if (dryRun && !plan.nothingToDo()) {
                say("Dry run: nothing was changed.");
            }
            return finish(doc, ExitCodes.OK);
        }
        if (!confirmed("Apply these " + plan.edits().size() + " changes?")) {
            say("Nothing was changed.");
            return finish(doc, ExitCodes.OK);
        }
        RewriteApplier.Report report;
        try (RewriteJournal journal = RewriteJournal.create(dirs().stateDir(), RewriteJournal.REWRITE, Clock.systemUTC())) {
            report = new RewriteApplier(new ConfigEditor()).apply(plan.edits(), journal);
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.LOCAL_FILES, "journal-unwritable",
                    "The journal could not be closed cleanly.", "Check the state directory " + dirs().stateDir() + ".", e);
        }
        return finish(doc.applied(ReposApplyReport.render(this, report, "Changed")), ReposApplyReport.exitCode(report));
    }

    private RewritePlan globalPlan(GitLabTarget target) {
        GlobalInsteadOf rule = new GlobalInsteadOf(target);
        Path gitconfig = gitConfigs().userConfigFile();
        Optional<ConfigEdit> edit = rule.plan(gitconfig);
        List<String> notes = new ArrayList<>();
        notes.add(edit.isPresent() ? "git will use " + rule.sshBase() + " for every " + rule.httpsPrefix() + " address."
                : "The rule url." + rule.sshBase() + ".insteadOf " + rule.httpsPrefix() + " is already in " + gitconfig
                + ": nothing to do.");
        notes.add("Remotes with credentials inside the URL are not covered by the rule: rewrite those without "
                + "--global-insteadof.");
        return new RewritePlan(to, edit.map(List::of).orElse(List.of()), edit.isPresent() ? 0 : 1, List.of(), notes);
    }

    private void printPlan(RewritePlan plan) {
        if (!plan.edits().isEmpty()) {
            say("Plan (" + plan.edits().size() + (plan.edits().size() == 1 ? " change" : " changes") + " to "
                    + to.id() + "):");
            plan.edits().forEach(e -> say(editLine(e)));
        }
        if (plan.alreadyInTargetForm() > 0 && !plan.edits().isEmpty()) {
            say(plan.alreadyInTargetForm() + " remote URL(s) already in the target form.");
        }
        plan.leftAlone().forEach(l -> say("Left alone: " + l.repository() + (l.remote().isEmpty() ? "" : " "
                + l.remote()) + ": " + l.reason()));
        plan.notes().forEach(this::say);
    }

    /** With a token and no SSH endpoint configured: the SSH host and port GitLab gives for the first project found. */
    private Optional<GitLabTarget> askGitLab(GitLabTarget target, List<RepositoryRemotes> repos) {
        Optional<String> project = repos.stream().flatMap(r -> r.urls().stream())
                .filter(u -> u.kind() != RemoteKind.OTHER_HOST && !u.project().isEmpty()).map(u -> u.project()).findFirst();
        if (project.isEmpty()) {
            return Optional.empty();
        }
        try {
            var endpoint = SshEndpointLookup.fromProject(instance().client(requireToken(SetupMethod.SSH)), project.get());
            return endpoint.map(e -> target.withSsh(e.host(), e.port()));
        } catch (ProblemException e) {
            if (e.reason().startsWith("ssh-host-")) {
                throw e; // the API named a host that is not the instance's: --ssh-host decides, not a guess
            }
            warn("GitLab could not be asked for its SSH address (" + e.getMessage() + "); using "
                    + target.sshHost() + " port " + target.sshPort() + ".");
            return Optional.empty();
        }
    }
}
