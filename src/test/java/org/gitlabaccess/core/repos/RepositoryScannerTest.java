package org.gitlabaccess.core.repos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.testkit.GitRepos;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk on a tree with every trap a real home holds. */
class RepositoryScannerTest {
    @TempDir
    Path home;

    private GitRepos git;
    private final List<Path> removeWithShell = new ArrayList<>();

    @BeforeEach
    void setUp() {
        git = new GitRepos(home);
    }

    @AfterEach
    void cleanUp() throws IOException {
        // Paths longer than PATH_MAX and non-UTF-8 names: rm copes with both, Java's cleanup may not.
        for (Path p : removeWithShell) {
            Processes.run(null, Map.of(), "chmod", "-R", "u+rwx", p.toString());
            Processes.run(null, Map.of(), "rm", "-rf", p.toString());
        }
    }

    private RepositoryScanner scanner() {
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        return new RepositoryScanner(ScanExclusions.defaults(home, env), 4);
    }

    private Map<String, FoundRepository.Layout> relative(ScanResult result) {
        return result.repositories().stream().collect(Collectors.toMap(r -> home.relativize(r.path()).toString(),
                FoundRepository::layout));
    }

    /** Every trap of a real home; returns the repositories a correct walk finds there. */
    private Map<String, FoundRepository.Layout> buildTrapTree() throws Exception {
        Path app = git.init(home.resolve("work/app"));
        git.init(app.resolve("nested/lib"));
        Path main = git.init(home.resolve("work/main"));
        git.git(main, "worktree", "add", "-q", "../main-wt");
        Path superproject = git.init(home.resolve("work/super"));
        git.git(superproject, "-c", "protocol.file.allow=always", "submodule", "add", "-q", app.toString(), "sub");
        git.bare(home.resolve("srv/project.git"));
        // Decoys: an empty .git, a garbage .git file, a gitdir pointing nowhere, a fake bare repository.
        Files.createDirectories(home.resolve("decoys/empty/.git"));
        Files.createDirectories(home.resolve("decoys/garbage"));
        Files.writeString(home.resolve("decoys/garbage/.git"), "garbage\n");
        Files.createDirectories(home.resolve("decoys/nowhere"));
        Files.writeString(home.resolve("decoys/nowhere/.git"), "gitdir: /no/such/place/.git\n");
        Path fake = Files.createDirectories(home.resolve("decoys/fake.git"));
        Files.writeString(fake.resolve("HEAD"), "not a ref\n");
        Files.createDirectories(fake.resolve("objects"));
        Files.createDirectories(fake.resolve("refs"));
        // Excluded: dependency trees and build output, even when they hold repositories.
        git.init(home.resolve("web/node_modules/left-pad"));
        git.init(app.resolve("target/generated"));
        git.init(home.resolve(".local/share/Trash/files/old"));
        // Symbolic link loops and links to repositories: never followed.
        Files.createDirectories(home.resolve("links"));
        Files.createSymbolicLink(home.resolve("links/up"), home);
        Files.createSymbolicLink(home.resolve("links/self"), home.resolve("links"));
        Files.createSymbolicLink(home.resolve("links/app"), app);

        // Directories without subdirectories (the walk does not list them): a separate git directory
        // named by a .git file, and a .git that is a link to a git directory.
        Path separate = Files.createDirectories(home.resolve("work/separate"));
        Files.createDirectories(home.resolve("gitdirs"));
        git.git(home, "init", "-q", "--separate-git-dir", home.resolve("gitdirs/separate.git").toString(),
                separate.toString());
        Files.writeString(separate.resolve("README"), "hi\n");
        Path linked = Files.createDirectories(home.resolve("work/linked"));
        git.init(home.resolve("gitdirs/linked-src"));
        Files.createSymbolicLink(linked.resolve(".git"), home.resolve("gitdirs/linked-src/.git"));
        // A dotfile manager's repository (yadm, vcsh): a git directory with core.worktree, no .git pointing at it.
        Path dotfiles = git.bare(home.resolve("dotfiles/repo.git"));
        git.git(dotfiles, "config", "core.bare", "false");
        git.git(dotfiles, "config", "core.worktree", home.toString());
        // Bare repositories whatever their name: recognised by HEAD, objects and refs, validated as above.
        git.bare(home.resolve(".dotfiles"));
        git.bare(home.resolve("mirrors/foo"));
        // ...and a yadm/vcsh git directory (core.worktree) without the .git suffix.
        Path yadm = git.bare(home.resolve("dotfiles/yadm-repo"));
        git.git(yadm, "config", "core.bare", "false");
        git.git(yadm, "config", "core.worktree", home.toString());
        // Decoys: the same names, but HEAD names nothing; and a working tree holding those names itself.
        Path plainFake = Files.createDirectories(home.resolve("decoys/looks-bare"));
        Files.writeString(plainFake.resolve("HEAD"), "not a ref\n");
        Files.createDirectories(plainFake.resolve("objects"));
        Files.createDirectories(plainFake.resolve("refs"));
        Path odd = git.init(home.resolve("work/odd"));
        Files.writeString(odd.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.createDirectories(odd.resolve("objects/x"));
        Files.createDirectories(odd.resolve("refs/y"));
        // A --separate-git-dir without the .git suffix: that working tree's, never a bare repository,
        // whichever the walk reaches first (its working tree sorts before and after it).
        Path separate2 = Files.createDirectories(home.resolve("work/separate2"));
        git.git(home, "init", "-q", "--separate-git-dir", home.resolve("gitdirs/plain-separate").toString(),
                separate2.toString());
        Path aSeparate = Files.createDirectories(home.resolve("a-separate"));
        git.git(home, "init", "-q", "--separate-git-dir", home.resolve("gitdirs/z-separate").toString(),
                aSeparate.toString());
        // A bare repository is not entered: a clone inside one is not reported.
        git.init(home.resolve("mirrors/foo/refs/clone-inside"));
        return Map.ofEntries(
                Map.entry(".dotfiles", FoundRepository.Layout.BARE),
                Map.entry("mirrors/foo", FoundRepository.Layout.BARE),
                Map.entry("dotfiles/yadm-repo", FoundRepository.Layout.BARE),
                Map.entry("work/odd", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/separate2", FoundRepository.Layout.WORKING_TREE),
                Map.entry("a-separate", FoundRepository.Layout.WORKING_TREE),
                Map.entry("dotfiles/repo.git", FoundRepository.Layout.BARE),
                Map.entry("work/app", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/app/nested/lib", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/main", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/main-wt", FoundRepository.Layout.LINKED_WORKTREE),
                Map.entry("work/super", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/super/sub", FoundRepository.Layout.SUBMODULE),
                Map.entry("srv/project.git", FoundRepository.Layout.BARE),
                Map.entry("work/separate", FoundRepository.Layout.WORKING_TREE),
                Map.entry("work/linked", FoundRepository.Layout.WORKING_TREE),
                Map.entry("gitdirs/linked-src", FoundRepository.Layout.WORKING_TREE));
    }

    @Test
    void findsWorkingTreesNestedReposWorktreesSubmodulesAndBareReposButNoDecoys() throws Exception {
        Map<String, FoundRepository.Layout> expected = buildTrapTree();
        Path main = home.resolve("work/main");
        Path superproject = home.resolve("work/super");

        List<FoundRepository> streamed = Collections.synchronizedList(new ArrayList<>());
        List<ScanProgress> progress = Collections.synchronizedList(new ArrayList<>());
        ScanResult result = scanner().scan(List.of(home), new ScanListener() {
            @Override
            public void repositoryFound(FoundRepository repository) {
                streamed.add(repository);
            }

            @Override
            public void progress(ScanProgress p) {
                progress.add(p);
            }
        }, new ScanCancellation());

        assertThat(relative(result)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(result.repositories());
        assertThat(progress).last().satisfies(p -> {
            assertThat(p.finished()).isTrue();
            assertThat(p.repositories()).isEqualTo(expected.size());
        });
        assertThat(result.cancelled()).isFalse();
        FoundRepository worktree = result.repositories().stream()
                .filter(r -> r.layout() == FoundRepository.Layout.LINKED_WORKTREE).findFirst().orElseThrow();
        assertThat(worktree.configFile()).isEqualTo(main.resolve(".git/config"));
        FoundRepository sub = result.repositories().stream()
                .filter(r -> r.layout() == FoundRepository.Layout.SUBMODULE).findFirst().orElseThrow();
        assertThat(sub.configFile()).isEqualTo(superproject.resolve(".git/modules/sub/config"));
    }

    @Test
    void theLinkCountShortcutsFindExactlyWhatTheFullWalkFinds() throws Exception {
        Map<String, FoundRepository.Layout> expected = buildTrapTree();
        Environment env = new Environment(Map.of("HOME", home.toString()), new Properties());
        ScanExclusions exclusions = ScanExclusions.defaults(home, env);
        // This test's file system must keep link counts, or both walks would be the full one.
        Assumptions.assumeTrue(LinkCountTrust.keepsConvention(home), "link counts are not kept here");

        ScanResult fast = new RepositoryScanner(exclusions, 2, LinkCountTrust.byFileSystemType())
                .scan(List.of(home), ScanListener.NONE, new ScanCancellation());
        ScanResult full = new RepositoryScanner(exclusions, 2, LinkCountTrust.never())
                .scan(List.of(home), ScanListener.NONE, new ScanCancellation());

        assertThat(relative(fast)).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(fast.repositories()).isEqualTo(full.repositories());
        assertThat(fast.directories()).isEqualTo(full.directories());
        assertThat(fast.skipped()).isEqualTo(full.skipped());
    }

    @Test
    void linkCountsAreTrustedOnlyOnFileSystemsKnownToKeepThem() {
        assertThat(LinkCountTrust.keepsConvention("ext4")).isTrue();
        assertThat(LinkCountTrust.keepsConvention("tmpfs")).isTrue();
        assertThat(LinkCountTrust.keepsConvention("APFS")).isTrue();
        assertThat(LinkCountTrust.keepsConvention("nfs4")).isFalse();
        assertThat(LinkCountTrust.keepsConvention("cifs")).isFalse();
        assertThat(LinkCountTrust.keepsConvention("fuse.sshfs")).isFalse();
        assertThat(LinkCountTrust.keepsConvention("proc")).isFalse();
        assertThat(LinkCountTrust.keepsConvention("")).isFalse();
    }

    @Test
    void survivesPathsLongerThanPathMaxAndNonUtf8Names() throws Exception {
        git.init(home.resolve("ok"));
        // A name that is not UTF-8, made by the shell (Java cannot spell it), with a repository inside.
        Path weird = Files.createDirectories(home.resolve("weird"));
        removeWithShell.add(weird);
        var made = Processes.run(weird, Map.of(), "bash", "-c", "mkdir $'\\xff\\xfe' && cd $'\\xff\\xfe' && "
                + "git init -q repo");
        assertThat(made.exitCode()).as(made.all()).isZero();
        // Deeper than PATH_MAX (4096 bytes), made with relative steps as only the shell can.
        Path deep = Files.createDirectories(home.resolve("deep"));
        removeWithShell.add(deep);
        String segment = "d".repeat(200);
        var deepMade = Processes.run(deep, Map.of(), "bash", "-c", "for i in $(seq 1 25); do mkdir " + segment
                + " && cd " + segment + " || exit 1; done; mkdir -p .git/objects .git/refs && "
                + "echo 'ref: refs/heads/main' > .git/HEAD");
        assertThat(deepMade.exitCode()).as(deepMade.all()).isZero();
        ScanResult result = scanner().scan(List.of(home), ScanListener.NONE, new ScanCancellation());

        Set<String> found = relative(result).keySet();
        assertThat(found).contains("ok");
        assertThat(result.repositories()).anySatisfy(r -> {
            assertThat(r.path().getFileName().toString()).isEqualTo("repo");
            assertThat(r.path().getParent().getParent()).isEqualTo(weird);
            assertThat(Files.isDirectory(r.gitDir())).isTrue(); // the path still reaches the real directory
        });
        assertThat(result.skipped()).anySatisfy(s -> {
            assertThat(s.reason()).isEqualTo(ScanResult.Reason.PATH_TOO_LONG);
            assertThat(s.path().startsWith(deep)).isTrue();
        });
    }

    @Test
    void unreadableDirectoriesAreCountedAndSkipped() throws Exception {
        git.init(home.resolve("open"));
        Path closed = Files.createDirectories(home.resolve("closed"));
        removeWithShell.add(closed);
        git.init(closed.resolve("secret-repo"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        // One without subdirectories, which the walk would otherwise not list.
        Path closedLeaf = Files.createDirectories(home.resolve("closed-leaf"));
        removeWithShell.add(closedLeaf);
        Files.writeString(closedLeaf.resolve(".git"), "gitdir: " + home.resolve("open/.git") + "\n");
        Files.setPosixFilePermissions(closedLeaf, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(closedLeaf, PosixFilePermissions.fromString("---------"));

        ScanResult result = scanner().scan(List.of(home), ScanListener.NONE, new ScanCancellation());

        Set<String> found = relative(result).keySet();
        assertThat(found).contains("open");
        // As root, chmod 000 blocks nothing: the walk then simply finds the repository.
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            assertThat(found).contains("closed/secret-repo");
        } else {
            assertThat(found).doesNotContain("closed/secret-repo");
            assertThat(result.skipped()).contains(new ScanResult.Skipped(closed, ScanResult.Reason.UNREADABLE),
                    new ScanResult.Skipped(closedLeaf, ScanResult.Reason.UNREADABLE));
        }
        Assumptions.assumeFalse(root, "chmod 000 does not stop root: the unreadable case is asserted only as a user");
    }

    @Test
    void aWorkingTreeWhoseGitDirectoryCannotBeReadIsReportedNotDropped() throws Exception {
        // Root reads through mode 000; ReposCommandTest repeats this in a child without root's override.
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "chmod 000 does not stop root");
        Path locked = git.init(home.resolve("work/locked"));
        Path unsearchable = git.init(home.resolve("work/unsearchable"));
        removeWithShell.add(locked);
        removeWithShell.add(unsearchable);
        Files.setPosixFilePermissions(locked.resolve(".git"), PosixFilePermissions.fromString("---------"));
        // Listable but not searchable: its HEAD cannot be reached.
        Files.setPosixFilePermissions(unsearchable.resolve(".git"), PosixFilePermissions.fromString("r--r--r--"));
        Path fine = git.init(home.resolve("work/fine"));

        ScanResult result = scanner().scan(List.of(home), ScanListener.NONE, new ScanCancellation());

        assertThat(result.repositories()).extracting(FoundRepository::path).containsExactly(fine);
        assertThat(result.skipped()).containsExactlyInAnyOrder(
                new ScanResult.Skipped(locked.resolve(".git"), ScanResult.Reason.UNREADABLE),
                new ScanResult.Skipped(unsearchable.resolve(".git"), ScanResult.Reason.UNREADABLE));
    }

    @Test
    void aBareCandidateIsDecidedFromTheListedNamesAlone() {
        assertThat(RepositoryScanner.bareCandidate("anything", List.of("config", "HEAD", "objects", "refs"))).isTrue();
        assertThat(RepositoryScanner.bareCandidate(".dotfiles", List.of("HEAD", "objects", "refs"))).isTrue();
        assertThat(RepositoryScanner.bareCandidate("src", List.of("HEAD", "objects"))).isFalse();
        assertThat(RepositoryScanner.bareCandidate("src", List.of("head", "objects", "refs"))).isFalse();
        // A working tree that happens to hold those names is judged by its .git, not taken for bare.
        assertThat(RepositoryScanner.bareCandidate("src", List.of(".git", "HEAD", "objects", "refs"))).isFalse();
        assertThat(RepositoryScanner.bareCandidate("x.git", List.of(".git", "HEAD", "objects", "refs"))).isTrue();
    }

    @Test
    void aScanCanBeCancelledAndReturnsWhatItFoundSoFar() throws Exception {
        for (int i = 0; i < 20; i++) {
            git.bare(home.resolve("many/r" + i + ".git"));
        }
        ScanCancellation cancel = new ScanCancellation();
        ScanResult result = scanner().scan(List.of(home), new ScanListener() {
            @Override
            public void repositoryFound(FoundRepository repository) {
                cancel.cancel();
            }
        }, cancel);
        assertThat(result.cancelled()).isTrue();
        assertThat(result.repositories()).hasSizeBetween(1, 19);
    }

    @Test
    void overlappingRootsAreWalkedOnceAndARootThatIsARepositoryIsFound() throws Exception {
        Path repo = git.init(home.resolve("src/one"));
        ScanResult result = scanner().scan(List.of(home, home.resolve("src"), repo), ScanListener.NONE,
                new ScanCancellation());
        assertThat(result.repositories()).extracting(FoundRepository::path).containsExactly(repo);
        ScanResult direct = scanner().scan(List.of(repo), ScanListener.NONE, new ScanCancellation());
        assertThat(direct.repositories()).extracting(FoundRepository::path).containsExactly(repo);
    }

    @Test
    void theExclusionListIsExposedAndConfigurable() {
        Environment mac = new Environment(Map.of(), props("os.name", "Mac OS X"));
        ScanExclusions defaults = ScanExclusions.defaults(home, mac);
        assertThat(defaults.describe()).contains("node_modules", ".venv", "venv", ".tox", "__pycache__", ".cache",
                ".m2", ".gradle", ".npm", ".cargo", ".rustup", ".pnpm-store", "target", "build", ".next",
                ".terraform", ".Trash", home.resolve(".local/share/Trash").toString(), home.resolve("Library").toString());
        ScanExclusions custom = defaults.withoutNames(List.of("build")).withNames(List.of("vendor"));
        assertThat(custom.names()).contains("vendor").doesNotContain("build");
    }

    private static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }
}
