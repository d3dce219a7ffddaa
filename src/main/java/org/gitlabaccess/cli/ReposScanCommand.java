package org.gitlabaccess.cli;

import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.RemoteUrl;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.ScanResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gitlab-access repos scan}: every local clone and what its remotes are. */
@Command(name = ReposScanCommand.NAME, sortOptions = false,
        header = "List local repositories and classify their remotes (https, embedded credentials, ssh, other host).",
        description = {"Walks DIR... (default: the site's scanRoots, else your home) in parallel, skipping caches, build "
                + "output and the trash; symbolic links are not followed. Needs no network and no token.",
            "Each remote is judged against --host (else the site configuration, else https://gitlab.com) and "
                + "--ssh-host; ~/.ssh/config aliases and insteadOf rules are resolved. Secrets in URLs are masked."})
final class ReposScanCommand extends ReposSupport {
    /** Its name on the command line; a constant, so {@link Cli} reads it without parsing annotations. */
    static final String NAME = "scan";

    @Mixin
    ScanDirectories scanDirectories = new ScanDirectories();

    ReposScanCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        GitLabTarget target = target();
        ScanResult scan = scan(roots(scanDirectories.directories));
        List<RepositoryRemotes> repos = remotes(scan, target);
        List<ScanResult.Skipped> skipped = skipped(scan, repos);
        if (json()) {
            printJson(document(target, scan, repos, skipped));
        } else {
            table(target, scan, repos, skipped);
        }
        return ExitCodes.OK;
    }

    private static ReposDocuments.Scan document(GitLabTarget target, ScanResult scan, List<RepositoryRemotes> repos,
                                                List<ScanResult.Skipped> skipped) {
        return new ReposDocuments.Scan(target.webHost(), target.sshHost(),
                repos.stream().map(ReposDocuments.Repository::of).toList(), scan.directories(),
                skipped.stream().map(ReposDocuments.Skipped::of).toList());
    }

    /** One table line, columns padded to their widths (no Formatter: its start-up shows in a fast scan). */
    private static String row(int[] width, String... cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(cells[i]);
            if (i < width.length) {
                line.append(" ".repeat(width[i] - cells[i].length() + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    private void table(GitLabTarget target, ScanResult scan, List<RepositoryRemotes> repos,
                       List<ScanResult.Skipped> skipped) {
        List<String[]> rows = new ArrayList<>();
        for (RepositoryRemotes r : repos) {
            String path = r.repository().path() + (r.repository().bare() ? " (bare)" : "");
            if (r.urls().isEmpty()) {
                rows.add(new String[] {path, "-", r.problem().map(p -> "unreadable").orElse("no remote"), ""});
            }
            for (RemoteUrl u : r.urls()) {
                String name = u.remote() + (u.key().equals(RemoteUrl.URL) ? "" : " (push)");
                rows.add(new String[] {path, name, u.kind().id(), u.effective().redacted()});
                path = "";
            }
        }
        int[] width = {4, 6, 4};
        for (String[] row : rows) {
            for (int i = 0; i < 3; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        if (!rows.isEmpty()) {
            // One block, redacted and written at once: a line at a time is a write each, hundreds here.
            StringBuilder block = new StringBuilder(row(width, "PATH", "REMOTE", "KIND", "URL")).append('\n');
            rows.forEach(row -> block.append(row(width, row)).append('\n'));
            say(block.toString());
        }
        say("Found " + repos.size() + (repos.size() == 1 ? " repository" : " repositories") + " in "
                + scan.directories() + " directories (GitLab host " + target.webHost()
                + (target.sshHost().equals(target.webHost()) ? "" : ", SSH host " + target.sshHost()) + ")."
                + (scan.skipped().isEmpty() ? "" : " " + scan.skipped().size()
                + " could not be read (--verbose lists them)."));
        for (ScanResult.Skipped s : skipped) {
            if (s.reason().isFile()) {
                warn("skipped " + s.path() + " (" + s.reason().id() + ")");
            }
        }
    }
}
