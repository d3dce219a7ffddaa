package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.JGitHome;

/**
 * The local repositories and their remotes, classified for one GitLab: the scan, then each
 * repository's remotes. JGit is loaded only after the walk (start-up matters for the scan).
 */
public final class RepositoryInventory {
    private final Environment env;
    private final AppDirectories dirs;

    public RepositoryInventory(Environment env) {
        this.env = env;
        this.dirs = AppDirectories.of(env);
    }

    public ScanResult scan(List<Path> roots, ScanListener listener, ScanCancellation cancellation) {
        return new RepositoryScanner(ScanExclusions.defaults(dirs.home(), env)).scan(roots, listener, cancellation);
    }

    public List<RepositoryRemotes> remotes(ScanResult scan, GitLabTarget target) {
        JGitHome.apply(env);
        RemoteReader reader = new RemoteReader(new GitConfigs(dirs.home(), dirs.xdgConfigHome()).global(),
                new RemoteClassifier(target, SshAliases.load(dirs.home())));
        List<RepositoryRemotes> list = new ArrayList<>();
        for (FoundRepository repo : scan.repositories()) {
            list.add(reader.read(repo));
        }
        return list;
    }

    public GitConfigs gitConfigs() {
        JGitHome.apply(env);
        return new GitConfigs(dirs.home(), dirs.xdgConfigHome());
    }
}
