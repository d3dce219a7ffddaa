package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.Comparator;
import org.gitlabaccess.core.WireId;

/**
 * A repository the scan found: where it is, where its git directory is, and where its shared
 * configuration lives (the main repository's for a linked worktree).
 */
public record FoundRepository(Path path, Path gitDir, Path commonDir, Layout layout) {
    /** In path order (a plain lambda, which an AOT cache holds: see {@link ScanResult.Skipped#BY_PATH}). */
    public static final Comparator<FoundRepository> BY_PATH = (a, b) -> a.path().compareTo(b.path());

    /** How the repository is laid out on disk. */
    public enum Layout implements WireId {
        /** A working tree with its own {@code .git} directory (or a {@code .git} file from {@code --separate-git-dir}). */
        WORKING_TREE,
        /** A working tree added with {@code git worktree add}: its {@code .git} file points into another repository. */
        LINKED_WORKTREE,
        /** A submodule checkout: its {@code .git} file points into the superproject's {@code .git/modules}. */
        SUBMODULE,
        /** A bare repository: a directory of any name holding a valid HEAD, objects and refs. */
        BARE;

        @Override
        public String id() {
            return WireId.of(this);
        }
    }

    /** The file holding {@code remote.*} settings. */
    public Path configFile() {
        return commonDir.resolve("config");
    }

    public boolean bare() {
        return layout == Layout.BARE;
    }
}
