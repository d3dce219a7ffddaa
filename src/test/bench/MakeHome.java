import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes the synthetic homes of the scan benchmark (README, "Performance"). Deterministic: the same
 * tree on every run. Usage: {@code java src/test/bench/MakeHome.java /tmp/bench-home [walked|pruned]}
 * <ul>
 *   <li>{@code walked} (the default): about 200,000 directories and 600,000 empty files, 300 working
 *       trees plus bare repositories, linked worktrees, submodules and decoys; most directories are
 *       walked (documents, sources), so the walk itself dominates.</li>
 *   <li>{@code pruned}: what real homes look like, about 220,000 directories of which only about
 *       35,000 are left once dependency trees ({@code node_modules}, {@code ~/.m2}, {@code ~/.cache},
 *       {@code ~/.gradle}, {@code target}) are pruned, so start-up and everything around the walk
 *       dominate; a few hundred repositories, among them bare ones whose names do not end in
 *       {@code .git} ({@code ~/.dotfiles}, {@code ~/git/*} mirrors) and a working tree whose
 *       {@code .git} is mode 000 (reported as unreadable, except to root, who reads through it).</li>
 * </ul>
 */
public final class MakeHome {
    private static long dirs;
    private static long files;

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args.length > 0 ? args[0] : "/tmp/bench-home");
        String mode = args.length > 1 ? args[1] : "walked";
        if (Files.exists(home)) {
            System.err.println(home + " exists; remove it first");
            System.exit(2);
        }
        int repos;
        switch (mode) {
            case "walked" -> repos = walked(home);
            case "pruned" -> repos = pruned(home);
            default -> {
                System.err.println("mode: walked or pruned, not " + mode);
                System.exit(2);
                return;
            }
        }
        System.out.println(home + ": " + dirs + " directories, " + files + " files, " + repos + " repositories");
    }

    /** Mostly walked: documents and sources, with some dependency trees. */
    private static int walked(Path home) throws IOException {
        int repos = 0;
        // 300 working trees in 30 teams; every third one with node_modules, every sixth with target/.
        for (int t = 0; t < 30; t++) {
            for (int p = 0; p < 10; p++) {
                Path repo = home.resolve("src/team" + t + "/project" + p);
                gitDir(repo.resolve(".git"), "https://gitlab.example.com/team" + t + "/project" + p + ".git");
                tree(repo.resolve("src"), 3, 3, 5);
                if ((t * 10 + p) % 3 == 0) {
                    nodeModules(repo.resolve("node_modules"), 150);
                }
                if ((t * 10 + p) % 6 == 0) {
                    tree(repo.resolve("target"), 3, 5, 3);
                }
                repos++;
            }
        }
        // Bare repositories, linked worktrees, submodules, decoys.
        for (int i = 0; i < 20; i++) {
            gitDir(home.resolve("srv/mirror" + i + ".git"), "https://gitlab.example.com/mirrors/m" + i + ".git");
            repos++;
        }
        for (int i = 0; i < 10; i++) {
            repos += worktreeAndSubmodule(home, i);
            decoys(home, i);
        }
        // Caches that are pruned by name.
        tree(home.resolve(".m2/repository"), 4, 6, 3);
        tree(home.resolve(".cache"), 3, 12, 3);
        // Plain documents and data: walked in full.
        for (int i = 0; i < 58; i++) {
            tree(home.resolve("Documents/area" + i), 3, 12, 3);
        }
        return repos;
    }

    /** A linked worktree of team i's project0, and a submodule in its project1: two repositories. */
    private static int worktreeAndSubmodule(Path home, int i) throws IOException {
        Path main = home.resolve("src/team" + i + "/project0/.git");
        Path wtGit = main.resolve("worktrees/wt" + i);
        mkdirs(wtGit);
        write(wtGit.resolve("HEAD"), "ref: refs/heads/wt" + i + "\n");
        write(wtGit.resolve("commondir"), "../..\n");
        Path wt = home.resolve("worktrees/wt" + i);
        mkdirs(wt);
        write(wt.resolve(".git"), "gitdir: " + wtGit + "\n");
        tree(wt.resolve("src"), 2, 3, 3);
        Path module = home.resolve("src/team" + i + "/project1/.git/modules/lib");
        gitDir(module, "git@gitlab.example.com:libs/lib.git");
        Path sub = home.resolve("src/team" + i + "/project1/lib");
        mkdirs(sub);
        write(sub.resolve(".git"), "gitdir: ../.git/modules/lib\n");
        return 2;
    }

    /** Things that look like repositories and are not: an empty .git, garbage, a pointer to nowhere. */
    private static void decoys(Path home, int i) throws IOException {
        mkdirs(home.resolve("decoys/empty" + i + "/.git"));
        mkdirs(home.resolve("decoys/garbage" + i));
        write(home.resolve("decoys/garbage" + i + "/.git"), "garbage\n");
        mkdirs(home.resolve("decoys/nowhere" + i));
        write(home.resolve("decoys/nowhere" + i + "/.git"), "gitdir: /no/such/dir\n");
    }

    /** Mostly pruned: dependency trees and caches around a few hundred repositories. */
    private static int pruned(Path home) throws IOException {
        int repos = 0;
        // 280 working trees in 28 teams; node_modules (nested, as npm leaves them) in every other one,
        // target/ or build/ in every fifth.
        for (int t = 0; t < 28; t++) {
            for (int p = 0; p < 10; p++) {
                int n = t * 10 + p;
                Path repo = home.resolve("src/team" + t + "/project" + p);
                gitDir(repo.resolve(".git"), "https://gitlab.example.com/team" + t + "/project" + p + ".git");
                tree(repo.resolve("src"), 3, 4, 2);
                if (n % 2 == 0) {
                    nestedNodeModules(repo.resolve("node_modules"), 100, 2);
                }
                if (n % 5 == 0) {
                    tree(repo.resolve(n % 10 == 0 ? "target" : "build"), 3, 4, 2);
                }
                repos++;
            }
        }
        // Bare repositories of any name: the dotfiles pattern, mirrors without .git, and with it.
        gitDir(home.resolve(".dotfiles"), "git@gitlab.example.com:me/dotfiles.git");
        repos++;
        for (int i = 0; i < 20; i++) {
            gitDir(home.resolve("git/mirror" + i), "https://gitlab.example.com/mirrors/m" + i + ".git");
            gitDir(home.resolve("srv/mirror" + i + ".git"), "https://gitlab.example.com/mirrors/s" + i + ".git");
            repos += 2;
        }
        for (int i = 0; i < 10; i++) {
            repos += worktreeAndSubmodule(home, i);
            decoys(home, i);
            // A bare look-alike whose HEAD names nothing.
            Path looksBare = home.resolve("decoys/looks-bare" + i);
            mkdirs(looksBare.resolve("objects"));
            mkdirs(looksBare.resolve("refs"));
            write(looksBare.resolve("HEAD"), "not a ref\n");
        }
        // A working tree whose .git cannot be read: reported as skipped (unreadable), not found.
        Path locked = home.resolve("src/locked");
        gitDir(locked.resolve(".git"), "https://gitlab.example.com/team0/locked.git");
        Files.setPosixFilePermissions(locked.resolve(".git"), PosixFilePermissions.fromString("---------"));
        // Caches, pruned by name: most of the home.
        for (int g = 0; g < 120; g++) {
            tree(home.resolve(".m2/repository/org/group" + g), 2, 7, 2);
        }
        tree(home.resolve(".cache"), 4, 8, 1);
        tree(home.resolve(".gradle/caches"), 3, 12, 1);
        // Documents: walked in full.
        for (int i = 0; i < 25; i++) {
            tree(home.resolve("Documents/area" + i), 3, 7, 2);
        }
        return repos;
    }

    /** A minimal but valid git directory. */
    private static void gitDir(Path git, String url) throws IOException {
        mkdirs(git.resolve("refs/heads"));
        mkdirs(git.resolve("refs/tags"));
        for (int i = 0; i < 16; i++) {
            mkdirs(git.resolve("objects/" + String.format("%02x", i * 16)));
        }
        write(git.resolve("HEAD"), "ref: refs/heads/main\n");
        write(git.resolve("config"), "[core]\n\trepositoryformatversion = 0\n[remote \"origin\"]\n\turl = " + url
                + "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
    }

    /** {@code fanout^depth} directories below {@code root}, each with {@code filesPerDir} empty files. */
    private static void tree(Path root, int depth, int fanout, int filesPerDir) throws IOException {
        mkdirs(root);
        for (int f = 0; f < filesPerDir; f++) {
            touch(root.resolve("file" + f + (f % 2 == 0 ? ".txt" : ".java")));
        }
        if (depth > 0) {
            for (int d = 0; d < fanout; d++) {
                tree(root.resolve("dir" + d), depth - 1, fanout, filesPerDir);
            }
        }
    }

    /**
     * A node_modules as npm leaves it: packages of four directories each, some holding a
     * node_modules of their own ({@code depth} levels).
     */
    private static void nestedNodeModules(Path nm, int packages, int depth) throws IOException {
        nodeModules(nm, packages);
        if (depth > 1) {
            for (int i = 0; i < packages; i += 5) {
                nestedNodeModules(nm.resolve("pkg" + i + "/node_modules"), packages / 10, depth - 1);
            }
        }
    }

    private static void nodeModules(Path nm, int packages) throws IOException {
        for (int i = 0; i < packages; i++) {
            Path pkg = nm.resolve("pkg" + i);
            for (String d : new String[] {"", "lib", "dist", "lib/internal"}) {
                Path dir = d.isEmpty() ? pkg : pkg.resolve(d);
                mkdirs(dir);
                touch(dir.resolve("index.js"));
                touch(dir.resolve("package.json"));
                touch(dir.resolve("README.md"));
            }
        }
    }

    private static void mkdirs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
                dirs++;
            }
            Files.createDirectories(dir);
        }
    }

    private static void touch(Path file) throws IOException {
        Files.createFile(file);
        files++;
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text);
        files++;
    }
}
