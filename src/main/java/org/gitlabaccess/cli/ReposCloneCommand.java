package org.gitlabaccess.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.gitlab.SetupMethod;
import org.gitlabaccess.core.setup.CloneReport;
import org.gitlabaccess.core.setup.MemberProject;
import org.gitlabaccess.core.setup.Progress;
import org.gitlabaccess.core.setup.SetupRequest;
import org.gitlabaccess.core.setup.SetupSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gitlab-access repos clone}: the first day's clones. */
@Command(name = ReposCloneCommand.NAME, sortOptions = false, header = "Clone the GitLab projects you are a member of.",
        description = {"Lists your projects (newest activity first) and clones the ones named, those",
            "of --group, those matching --search, or --all into ROOT/<group>/<project>",
            "(default ~/src, or the site's cloneRoot), over SSH or HTTPS with your own SSH",
            "configuration or credential helper, four at a time. An existing directory is",
            "skipped and never touched; a clone that fails or is stopped leaves nothing",
            "behind. Without a selection, the site configuration's cloneGroups are cloned.",
            "Exit 1 when a clone failed."})
final class ReposCloneCommand extends BaseCommand {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "clone";

    @Parameters(paramLabel = "PROJECT", arity = "0..*", description = "Projects by path, e.g. group/project.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--group", paramLabel = "G", description = "Every project of this group and its subgroups.")
    List<String> groups = new ArrayList<>();

    @Option(names = "--search", paramLabel = "S", description = "The projects whose name or path matches.")
    String search;

    @Option(names = "--all", description = "Every project you are a member of.")
    boolean all;

    @Option(names = "--dir", paramLabel = "ROOT", description = "Where the clones go (default: ~/src or cloneRoot).")
    Path dir;

    @Option(names = "--method", paramLabel = "ssh|https",
            description = "Clone over SSH (the default) or HTTPS (default: the site configuration's method).")
    SetupMethod method;

    ReposCloneCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        SetupMethod over = method != null ? method
                : site().method().filter("https"::equalsIgnoreCase).map(m -> SetupMethod.HTTPS).orElse(SetupMethod.SSH);
        List<String> wantedGroups = groups.isEmpty() && projects.isEmpty() && search == null && !all
                ? site().cloneGroups() : groups;
        if (projects.isEmpty() && wantedGroups.isEmpty() && search == null && !all) {
            throw new ProblemException(ProblemKind.USAGE, "nothing-to-clone", "No projects were chosen.",
                    "Name projects (group/project), or give --group G, --search S or --all.");
        }
        SetupSession session = new SetupSession(SetupRequest.builder(ctx.env(), site()).host(global().host())
                .caFile(global().caFile()).sshHost(global().sshHost()).sshPort(global().sshPort()).method(over)
                .token(requireToken(over)).build());
        List<MemberProject> member = session.memberProjects(search);
        List<MemberProject> chosen = new ArrayList<>();
        List<CloneReport.Failed> unknown = new ArrayList<>();
        for (String named : projects) {
            member.stream().filter(p -> p.path().equalsIgnoreCase(named.strip().replaceAll("^/+|/+$|\\.git$", "")))
                    .findFirst().ifPresentOrElse(chosen::add,
                            () -> unknown.add(new CloneReport.Failed(named, "not a project you are a member of")));
        }
        for (MemberProject p : member) {
            boolean wanted = all || search != null && projects.isEmpty() && wantedGroups.isEmpty()
                    || wantedGroups.stream().anyMatch(p::inGroup);
            if (wanted && !chosen.contains(p)) {
                chosen.add(p);
            }
        }
        Path root = (dir != null ? dir : session.cloneRoot()).toAbsolutePath();
        if (!json() && !chosen.isEmpty()) {
            say("Cloning " + chosen.size() + (chosen.size() == 1 ? " project" : " projects") + " into " + root
                    + " over " + over.cliName().toUpperCase(Locale.ROOT) + "...");
        }
        CloneReport report = session.cloneProjects(chosen, root, progress());
        List<CloneReport.Failed> failed = new ArrayList<>(unknown);
        failed.addAll(report.failed());
        report.cloned().forEach(c -> say("✓ " + c.project() + " → " + c.path()));
        report.skipped().forEach(s -> say("- " + s.project() + ": " + s.path() + " already exists; left as it is"));
        failed.forEach(f -> say("✗ " + f.project() + ": " + f.reason()));
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("cloned", report.cloned());
            doc.put("skipped", report.skipped());
            doc.put("failed", failed);
            printJson(doc);
        } else {
            say(report.cloned().size() + " cloned, " + report.skipped().size() + " skipped, " + failed.size()
                    + " failed.");
        }
        return failed.isEmpty() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }

    /** One line on stderr per finished clone, for a person at a terminal. */
    private Progress progress() {
        if (!ctx.prompter().interactive() || json()) {
            return Progress.NONE;
        }
        return new Progress() {
            @Override
            public void update(String message, double fraction) {
                note(String.format(Locale.ROOT, "[%3d%%] %s", Math.round(fraction * 100), message));
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
