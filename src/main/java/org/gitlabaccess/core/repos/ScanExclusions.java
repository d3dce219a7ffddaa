package org.gitlabaccess.core.repos;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gitlabaccess.core.io.Environment;

/**
 * Directories the scan never enters: dependency caches and build output (huge, and never holding a
 * clone anyone pushes from) and the trash. Matched by name anywhere, or by absolute path. Exposed
 * so that the wizard can show (and let the user edit) the list.
 */
public record ScanExclusions(Set<String> names, Set<Path> paths) {
    /** Skipped wherever they appear. */
    public static final List<String> DEFAULT_NAMES = List.of(
            "node_modules", ".venv", "venv", ".tox", "__pycache__", ".cache", ".m2", ".gradle", ".npm",
            ".cargo", ".rustup", ".pnpm-store", "target", "build", ".next", ".terraform", ".Trash");

    public ScanExclusions {
        names = Set.copyOf(names);
        paths = Set.copyOf(paths);
    }

    /** The defaults for this machine: the names above, the desktop trash, and {@code ~/Library} on macOS. */
    public static ScanExclusions defaults(Path home, Environment env) {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(home.resolve(".local/share/Trash"));
        if (env.isMac()) {
            paths.add(home.resolve("Library"));
        }
        return new ScanExclusions(new LinkedHashSet<>(DEFAULT_NAMES), paths);
    }

    public static ScanExclusions none() {
        return new ScanExclusions(Set.of(), Set.of());
    }

    public ScanExclusions withNames(List<String> more) {
        Set<String> n = new LinkedHashSet<>(names);
        n.addAll(more);
        return new ScanExclusions(n, paths);
    }

    public ScanExclusions withoutNames(List<String> fewer) {
        Set<String> n = new LinkedHashSet<>(names);
        fewer.forEach(n::remove);
        return new ScanExclusions(n, paths);
    }

    public ScanExclusions withPaths(List<Path> more) {
        Set<Path> p = new LinkedHashSet<>(paths);
        more.forEach(x -> p.add(x.toAbsolutePath().normalize()));
        return new ScanExclusions(names, p);
    }

    /** Everything excluded, for display: names first, then paths. */
    public List<String> describe() {
        List<String> all = new ArrayList<>(names.stream().sorted().toList());
        paths.stream().map(Path::toString).sorted().forEach(all::add);
        return all;
    }

    /** The last segments of the excluded paths: only a directory with one of these names needs a path check. */
    Set<String> pathLeafNames() {
        Set<String> leaves = new LinkedHashSet<>();
        paths.forEach(p -> {
            if (p.getFileName() != null) {
                leaves.add(p.getFileName().toString());
            }
        });
        return leaves;
    }
}
