package org.gitlabaccess.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gitlabaccess.core.NetworkNames;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.gitlab.Instance;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.GitConfigs;
import org.gitlabaccess.core.repos.GitLabTarget;
import org.gitlabaccess.core.repos.RepositoryInventory;
import org.gitlabaccess.core.repos.RepositoryRemotes;
import org.gitlabaccess.core.repos.RepositoryScanner;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanExclusions;
import org.gitlabaccess.core.repos.ScanResult;

/** What the {@code repos} commands share: roots, the target instance, the scan with its progress line, rendering. */
abstract class ReposSupport extends BaseCommand {
    private RepositoryInventory inventory;

    ReposSupport(CliContext ctx) {
        super(ctx);
    }

    /** DIR... when given, else the site's scanRoots, else the home. */
    List<Path> roots(List<Path> dirs) {
        if (dirs == null || dirs.isEmpty()) {
            // The site's roots are the same for every machine; one missing here is no error.
            List<Path> site = site().scanRoots().stream().filter(Files::isDirectory).toList();
            return site().scanRoots().isEmpty() ? List.of(dirs().home()) : site;
        }
        for (Path root : dirs) {
            if (!Files.isDirectory(root)) {
                throw new ProblemException(ProblemKind.USAGE, "not-a-directory", root + " is not a directory.",
                        "Give directories to scan, or none to scan your home.");
            }
        }
        return dirs;
    }

    /** The instance from --host, the site configuration or gitlab.com; SSH from --ssh-host/--ssh-port or the site. No network. */
    GitLabTarget target() {
        String host = global().host() != null ? global().host() : site().host().orElse(Instance.DEFAULT_HOST);
        // --ssh-host/--ssh-port were checked when parsed; the site's values are checked here, before
        // they can become part of a remote URL.
        Optional<String> siteHost = site().sshHost().map(h -> NetworkNames.requireHost(h,
                "the site configuration's sshHost", ProblemKind.LOCAL_FILES));
        Optional<Integer> sitePort = site().sshPort().map(p -> NetworkNames.requirePort(p,
                "the site configuration's sshPort", ProblemKind.LOCAL_FILES));
        return GitLabTarget.of(host, Optional.ofNullable(global().sshHost()).or(() -> siteHost),
                Optional.ofNullable(global().sshPort()).or(() -> sitePort));
    }

    boolean sshEndpointGiven() {
        return global().sshHost() != null || global().sshPort() != null || site().sshHost().isPresent()
                || site().sshPort().isPresent();
    }

    ScanResult scan(List<Path> roots) {
        ScanExclusions exclusions = ScanExclusions.defaults(dirs().home(), ctx.env());
        boolean showProgress = ctx.prompter().interactive() && !json();
        ScanProgressLine progress = new ScanProgressLine(ctx.err(), showProgress);
        ScanResult result = inventory().scan(new RepositoryScanner(exclusions), roots, progress, new ScanCancellation());
        progress.clear();
        if (global().verbose()) {
            for (ScanResult.Skipped s : result.skipped()) {
                ctx.err().println("skipped " + s.path() + ": " + s.reason().id());
            }
            ctx.err().println("scanned " + result.directories() + " directories; excluded: "
                    + String.join(", ", exclusions.describe()));
            ctx.err().flush();
        }
        return result;
    }

    /** Reads and classifies every repository's remotes. */
    List<RepositoryRemotes> remotes(ScanResult scan, GitLabTarget target) {
        return inventory().remotes(scan, target);
    }

    GitConfigs gitConfigs() {
        return inventory().gitConfigs();
    }

    /** What the scan and the reading of remotes left out: directories, and files that are FIFOs, devices or too large. */
    List<ScanResult.Skipped> skipped(ScanResult scan, List<RepositoryRemotes> repos) {
        return inventory().skipped(scan, repos);
    }

    private RepositoryInventory inventory() {
        if (inventory == null) {
            inventory = new RepositoryInventory(ctx.env());
        }
        return inventory;
    }

    /** One line of a plan: {@code repo  remote.origin.url  before -> after}. */
    static String editLine(ConfigEdit e) {
        String before = e.shownBefore() == null ? "(none)" : e.shownBefore();
        String after = e.shownAfter() == null ? "(removed)" : e.shownAfter();
        return "  " + e.repository() + "\n      " + e.key() + ": " + before + "  ->  " + after
                + (e.credentialsRemoved() ? "  (embedded credentials removed)" : "");
    }

    /** Prints the document in JSON mode, and returns the exit code. */
    int finish(Object document, int code) {
        if (json()) {
            printJson(document);
        }
        return code;
    }

    /** Asks before changing files when a person is at the terminal and --yes was not given. */
    boolean confirmed(String question) {
        if (global().yes() || json() || !ctx.prompter().interactive()) {
            return true;
        }
        return ctx.prompter().confirm(question);
    }
}
