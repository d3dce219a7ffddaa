package org.gitlabaccess.core.repos;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds every local clone below some roots, fast: a parallel walk (fork/join work stealing, one task
 * per directory, never joined, so a deep tree cannot overflow a stack) that classifies entries from
 * the directory listing and stats as little as it can.
 *
 * <p>Why it is fast: the cost of a walk is system calls. A directory's link count is 2 plus its number
 * of subdirectories (on ext4, xfs, tmpfs, APFS...), so once that many subdirectories are found the
 * remaining entries are files and are never stat'ed; names without an extension are tried first, as
 * they are the likely directories. A directory without subdirectories (most of them: source folders,
 * package contents) can hold a repository only through a {@code .git} file, so it is not even listed:
 * one {@code stat} of its {@code .git} replaces opening, reading and closing it. Caches and build
 * output are pruned by name before any call. Where the file system does not keep link counts, or is
 * not known to ({@link LinkCountTrust}), every entry is stat'ed and every directory listed: slower,
 * still correct.
 *
 * <p>Symbolic links are never followed (entries are stat'ed without following them), so a link loop
 * cannot trap the walk and no repository is reported twice; give the real directory as a root to scan
 * through a link. Unreadable directories, paths too long for the OS and directories that vanish
 * mid-scan are counted and skipped. No logging and no JGit here: this runs before either is loaded.
 */
public final class RepositoryScanner {
    private static final String DOT_GIT = ".git";
    private static final int PROGRESS_EVERY = 4096;
    private static final int MIN_WALKERS = 8;

    private final ScanExclusions exclusions;
    private final Set<String> pathLeaves;
    private final LinkCountTrust linkCountTrust;
    private final int parallelism;

    public RepositoryScanner(ScanExclusions exclusions, int parallelism) {
        this(exclusions, parallelism, LinkCountTrust.byFileSystemType());
    }

    RepositoryScanner(ScanExclusions exclusions, int parallelism, LinkCountTrust linkCountTrust) {
        this.linkCountTrust = linkCountTrust;
        this.exclusions = exclusions;
        this.pathLeaves = exclusions.pathLeafNames();
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * More walkers than cores: with a cold cache the walk waits on the disk, and the more directories
     * are read at once the sooner it ends (on a 2-core machine, 8 walkers take about two thirds of the
     * time of 2 on a home whose cache was dropped); with a warm one the extra threads mostly wait.
     */
    public RepositoryScanner(ScanExclusions exclusions) {
        this(exclusions, Math.max(MIN_WALKERS, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public ScanResult scan(List<Path> roots, ScanListener listener, ScanCancellation cancellation) {
        Walk walk = new Walk(listener, cancellation);
        ForkJoinPool pool = new ForkJoinPool(parallelism, ForkJoinPool.defaultForkJoinWorkerThreadFactory, null, true);
        try {
            for (Path root : distinctRoots(roots)) {
                walk.pending.incrementAndGet();
                DirectoryStat stat = DirectoryStat.ofRoot(root);
                pool.execute(new DirectoryTask(walk, root, stat, linkCountTrust.trusts(root, stat.device()), false));
            }
            if (walk.pending.get() > 0) {
                walk.done.await();
            }
        } catch (InterruptedException e) {
            cancellation.cancel();
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        List<FoundRepository> repos = walk.repositories();
        if (!walk.deferred.isEmpty()) {
            // Asked only when there is one: a record's first hashCode bootstraps method handles (~6 ms).
            repos.stream().filter(walk.deferred::contains).forEach(listener::repositoryFound);
        }
        List<ScanResult.Skipped> skipped = new ArrayList<>(walk.skipped);
        skipped.sort(ScanResult.Skipped.BY_PATH);
        listener.progress(new ScanProgress(walk.directories.sum(), repos.size(), skipped.size(), true));
        return new ScanResult(List.copyOf(repos), walk.directories.sum(), List.copyOf(skipped), walk.vanished.sum(),
                cancellation.isCancelled());
    }

    /** Absolute, normalised, and none inside another (home and a scan root below it are walked once). */
    static List<Path> distinctRoots(List<Path> roots) {
        List<Path> sorted = roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().sorted().toList();
        List<Path> kept = new ArrayList<>();
        for (Path p : sorted) {
            if (kept.stream().noneMatch(p::startsWith)) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** The shared state of one scan. */
    private static final class Walk {
        final ScanListener listener;
        final ScanCancellation cancellation;
        final AtomicLong pending = new AtomicLong();
        final CountDownLatch done = new CountDownLatch(1);
        final LongAdder directories = new LongAdder();
        final LongAdder vanished = new LongAdder();
        final Map<Path, FoundRepository> found = new ConcurrentHashMap<>();
        /**
         * Git directories that working trees point at through a {@code .git} file or link: a
         * {@code --separate-git-dir} named {@code *.git} looks bare, but is that working tree's.
         * (A git directory with {@code core.worktree}, as yadm keeps, has no such pointer and stays.)
         */
        final Set<Path> pointedAt = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<ScanResult.Skipped> skipped = new ConcurrentLinkedQueue<>();
        /** Bare-looking git directories that say they belong to a working tree: not announced during the walk. */
        final Set<FoundRepository> deferred = ConcurrentHashMap.newKeySet();

        Walk(ScanListener listener, ScanCancellation cancellation) {
            this.listener = listener;
            this.cancellation = cancellation;
        }

        /** One at a time: a bare-looking directory and the working tree pointing at it may be found at once. */
        synchronized void found(FoundRepository repo) {
            if (repo.layout() == FoundRepository.Layout.BARE) {
                if (pointedAt.contains(repo.path())) {
                    return;
                }
            } else {
                pointedAt.add(repo.gitDir());
                found.computeIfPresent(repo.gitDir(), (p, r) -> r.layout() == FoundRepository.Layout.BARE ? null : r);
            }
            if (found.putIfAbsent(repo.path(), repo) == null) {
                if (repo.layout() == FoundRepository.Layout.BARE && GitDirProbe.belongsToAWorkingTree(repo.path(),
                        skipped::add)) {
                    deferred.add(repo); // announced at the end, unless its working tree turns up
                } else {
                    listener.repositoryFound(repo);
                }
            }
        }

        /** What was found, less a "bare" git directory that a working tree's .git file or link names. */
        List<FoundRepository> repositories() {
            return found.values().stream().filter(r -> r.layout() != FoundRepository.Layout.BARE
                    || !pointedAt.contains(r.path())).sorted(FoundRepository.BY_PATH).toList();
        }

        void visited() {
            directories.increment();
            if (directories.sum() % PROGRESS_EVERY == 0) {
                listener.progress(new ScanProgress(directories.sum(), found.size(), skipped.size(), false));
            }
        }

        void finished() {
            if (pending.decrementAndGet() == 0) {
                done.countDown();
            }
        }
    }

    /** Lists one directory, reports what it holds, and forks a task per subdirectory worth entering. */
    private final class DirectoryTask extends RecursiveAction {
        private final transient Walk walk;
        private final transient Path dir;
        /** What the parent's stat of this directory told. */
        private final transient DirectoryStat stat;
        /** Its file system keeps the link-count convention. */
        private final boolean trusted;
        /** The path holds a name its string form cannot spell: only the raw-byte stream may list it. */
        private final boolean raw;

        DirectoryTask(Walk walk, Path dir, DirectoryStat stat, boolean trusted, boolean raw) {
            this.walk = walk;
            this.dir = dir;
            this.stat = stat;
            this.trusted = trusted;
            this.raw = raw;
        }

        @Override
        protected void compute() {
            try {
                if (!walk.cancellation.isCancelled()) {
                    visit();
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                walk.vanished.increment();
            } catch (FileSystemException e) {
                walk.skipped.add(new ScanResult.Skipped(dir, reasonOf(e)));
            } catch (IOException | RuntimeException e) {
                walk.skipped.add(new ScanResult.Skipped(dir, ScanResult.Reason.ERROR));
            } finally {
                walk.finished();
            }
        }

        private void visit() throws IOException {
            long linkCount = trusted ? stat.links() : 0;
            if (linkCount == 2 && !raw) {
                visitLeaf(walk, dir, stat); // only a root gets here; the others are visited by their parent
                return;
            }
            Listing listing = list(dir, raw);
            List<String> names = listing.names;
            walk.visited();
            String dirName = dir.getFileName() == null ? "" : dir.getFileName().toString();
            if (bareCandidate(dirName, names)) {
                var bare = GitDirProbe.bare(dir, walk.skipped::add);
                if (bare.isPresent()) {
                    walk.found(bare.get());
                    return; // a repository's insides hold no clones
                }
            }
            // Subdirectories still to be found among the entries, per the link count; -1: unknown, stat all.
            long subdirsLeft = linkCount >= 2 ? linkCount - 2 : -1;
            int gitIndex = names.indexOf(DOT_GIT);
            if (gitIndex >= 0) {
                Path dotGit = listing.entry(dir, gitIndex);
                GitDirProbe.workingTree(dir, dotGit, walk.skipped::add).ifPresent(walk::found);
                if (subdirsLeft > 0 && Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
                    subdirsLeft--;
                }
            }
            // Likely directories first (no extension), likely files last.
            for (int pass = 0; pass < 2 && subdirsLeft != 0; pass++) {
                for (int i = 0; i < names.size() && subdirsLeft != 0; i++) {
                    String name = names.get(i);
                    if (i == gitIndex || likelyFile(name) != (pass == 1)) {
                        continue;
                    }
                    Path child = listing.entry(dir, i);
                    DirectoryStat childStat = directoryStat(walk, child);
                    if (childStat == null) {
                        continue;
                    }
                    if (subdirsLeft > 0) {
                        subdirsLeft--;
                    }
                    if (exclusions.names().contains(name)
                            || pathLeaves.contains(name) && exclusions.paths().contains(child)) {
                        continue;
                    }
                    boolean childTrusted = childStat.device() == stat.device() ? trusted
                            : linkCountTrust.trusts(child, childStat.device());
                    boolean childRaw = raw || listing.paths() != null;
                    if (childTrusted && childStat.links() == 2 && !childRaw) {
                        visitLeaf(walk, child, childStat); // cheaper here than as a task of its own
                        continue;
                    }
                    walk.pending.incrementAndGet();
                    new DirectoryTask(walk, child, childStat, childTrusted, childRaw).fork();
                }
            }
        }

    }

    /**
     * Whether the listing looks like a bare repository, whatever the directory's name ({@code git init
     * --bare ~/.dotfiles}, mirrors): decided from the names already listed, so ordinary directories
     * cost no system call; only a candidate's {@code HEAD} is read. A directory that also holds a
     * {@code .git} is a working tree that happens to have such names, unless it is called {@code *.git}
     * (judged as before).
     */
    static boolean bareCandidate(String dirName, List<String> names) {
        boolean head = false;
        boolean objects = false;
        boolean refs = false;
        boolean dotGit = false;
        for (String name : names) {
            switch (name) {
                case "HEAD" -> head = true;
                case "objects" -> objects = true;
                case "refs" -> refs = true;
                case DOT_GIT -> dotGit = true;
                default -> { }
            }
        }
        return head && objects && refs && (!dotGit || dirName.endsWith(DOT_GIT));
    }

    /**
     * A directory without subdirectories: it is a working tree only through a {@code .git} file (or a
     * link), so one {@code stat} of that name replaces listing it. {@code java.io.File} answers
     * without an exception when there is none, which is almost always.
     */
    private static void visitLeaf(Walk walk, Path dir, DirectoryStat stat) {
        walk.visited();
        File file = dir.toFile();
        if (!stat.openToAll() && !(file.canRead() && file.canExecute())) {
            walk.skipped.add(new ScanResult.Skipped(dir, ScanResult.Reason.UNREADABLE));
            return;
        }
        if (new File(file, DOT_GIT).exists()) {
            GitDirProbe.workingTree(dir, dir.resolve(DOT_GIT), walk.skipped::add).ifPresent(walk::found);
        }
    }

    /** A directory's entry names, and their paths when the names alone cannot rebuild them. */
    private record Listing(List<String> names, List<Path> paths) {
        Path entry(Path dir, int i) {
            return paths != null ? paths.get(i) : dir.resolve(names.get(i));
        }
    }

    /**
     * The names in a directory. {@code File.list} reads the whole directory in one native call and
     * makes no object per entry but the name: several times cheaper than a {@code DirectoryStream}
     * when most entries are files never looked at again. A name it cannot decode (not valid in the
     * platform encoding), and any failure, falls back to the stream, which keeps the raw bytes in
     * its paths and reports the precise error (unreadable, gone, path too long).
     */
    private static Listing list(Path dir, boolean raw) throws IOException {
        String[] names = raw ? null : dir.toFile().list();
        if (names != null && decodable(names)) {
            return new Listing(Arrays.asList(names), null);
        }
        List<String> n = new ArrayList<>();
        List<Path> p = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path entry : stream) {
                p.add(entry);
                n.add(entry.getFileName().toString());
            }
        }
        return new Listing(n, p);
    }

    private static boolean decodable(String[] names) {
        for (String name : names) {
            if (name.indexOf('\uFFFD') >= 0 || name.indexOf('?') >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean likelyFile(String name) {
        return name.indexOf('.', 1) > 0;
    }

    /** The entry as a directory (not a link to one), else null; one that cannot be stat'ed is recorded. */
    private static DirectoryStat directoryStat(Walk walk, Path entry) {
        try {
            return DirectoryStat.ofEntry(entry);
        } catch (NoSuchFileException e) {
            walk.vanished.increment();
            return null;
        } catch (FileSystemException e) {
            walk.skipped.add(new ScanResult.Skipped(entry, reasonOf(e)));
            return null;
        } catch (IOException e) {
            walk.skipped.add(new ScanResult.Skipped(entry, ScanResult.Reason.ERROR));
            return null;
        }
    }

    private static ScanResult.Reason reasonOf(FileSystemException e) {
        if (e instanceof AccessDeniedException) {
            return ScanResult.Reason.UNREADABLE;
        }
        boolean tooLong = e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("too long");
        return tooLong ? ScanResult.Reason.PATH_TOO_LONG : ScanResult.Reason.ERROR;
    }

}
