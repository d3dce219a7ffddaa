package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.eclipse.jgit.lib.Config;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.io.GitSystemConfigPath;

/**
 * The local repositories and their remotes, classified for one GitLab: the scan, then each
 * repository's remotes. What classifying needs besides the repositories (git's system and global
 * configuration, {@code ~/.ssh/config}) is read on another thread while the walk runs, for its values
 * only ({@link GitConfigs#globalValues}): neither git nor JGit's file machinery is started, each of
 * which costs about as much as walking a home whose dependency trees are pruned. Where only git could
 * name its system file, the one its default build uses is read ({@link GitSystemConfigPath#withoutStartingGit}).
 */
public final class RepositoryInventory {
    private final Environment env;
    private final AppDirectories dirs;
    private FutureTask<Context> context;

    /** What every repository's remotes are read against. */
    private record Context(Config global, List<ScanResult.Skipped> globalSkipped, SshAliases aliases) {
    }

    public RepositoryInventory(Environment env) {
        this.env = env;
        this.dirs = AppDirectories.of(env);
    }

    public ScanResult scan(List<Path> roots, ScanListener listener, ScanCancellation cancellation) {
        return scan(new RepositoryScanner(ScanExclusions.defaults(dirs.home(), env)), roots, listener, cancellation);
    }

    public ScanResult scan(RepositoryScanner scanner, List<Path> roots, ScanListener listener,
                           ScanCancellation cancellation) {
        prefetch();
        return scanner.scan(roots, listener, cancellation);
    }

    public List<RepositoryRemotes> remotes(ScanResult scan, GitLabTarget target) {
        Context c = context();
        RemoteReader reader = new RemoteReader(c.global(), new RemoteClassifier(target, c.aliases()));
        // In parallel, in the scan's order: hundreds of small files to open, read and parse, after a
        // walk that kept every core busy (the reader's parts only read what they share).
        return scan.repositories().parallelStream().map(reader::read).toList();
    }

    /**
     * Every directory and file the scan and the reading of remotes left out, and why: what the walk
     * could not enter, git files that are FIFOs, devices or too large, and global configuration files
     * refused for the same reasons. Sorted by path.
     */
    public List<ScanResult.Skipped> skipped(ScanResult scan, List<RepositoryRemotes> remotes) {
        List<ScanResult.Skipped> all = new ArrayList<>(scan.skipped());
        remotes.forEach(r -> r.skipped().ifPresent(all::add));
        all.addAll(context().globalSkipped());
        return all.stream().distinct().sorted(ScanResult.Skipped.BY_PATH).toList();
    }

    public GitConfigs gitConfigs() {
        return new GitConfigs(dirs.home(), dirs.xdgConfigHome());
    }

    /** Starts reading the configuration on a daemon thread, once. */
    private synchronized FutureTask<Context> prefetch() {
        if (context == null) {
            context = new FutureTask<>(() -> {
                GitConfigs configs = new GitConfigs(dirs.home(), dirs.xdgConfigHome());
                Config global = configs.globalValues(GitSystemConfigPath.withoutStartingGit(env));
                return new Context(global, configs.skipped(), SshAliases.load(dirs.home()));
            });
            Thread thread = new Thread(context, "gitlab-access-config");
            thread.setDaemon(true);
            thread.start();
        }
        return context;
    }

    private Context context() {
        try {
            return prefetch().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading git's configuration", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }
}
