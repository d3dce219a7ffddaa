package org.gitlabaccess.core.setup;

import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.repos.RepositoryInventory;
import org.gitlabaccess.core.repos.ScanCancellation;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.repos.ScanResult;

/**
 * The walk for repositories, done once per session for the same roots: the wizard's preview, the
 * review and the rewrite all read the same repositories (each reads their remotes afresh).
 */
final class SessionScan {
    private final RepositoryInventory inventory;
    private List<Path> roots;
    private ScanResult result;

    SessionScan(Environment env) {
        this.inventory = new RepositoryInventory(env);
    }

    RepositoryInventory inventory() {
        return inventory;
    }

    /** The walk of these roots, reused when it was done already. */
    synchronized ScanResult of(List<Path> wanted) {
        if (result == null || !wanted.equals(roots)) {
            return fresh(wanted, ScanListener.NONE, new ScanCancellation());
        }
        return result;
    }

    /** A new walk (the user asked to scan again); a cancelled walk is not kept. */
    synchronized ScanResult fresh(List<Path> wanted, ScanListener listener, ScanCancellation cancellation) {
        ScanResult walked = inventory.scan(wanted, listener, cancellation);
        if (!cancellation.isCancelled()) {
            roots = List.copyOf(wanted);
            result = walked;
        }
        return walked;
    }
}
