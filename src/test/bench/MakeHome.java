import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the synthetic home of the scan benchmark (README, "Performance"): about 200,000 directories
 * and 600,000 empty files, 300 working trees plus bare repositories, linked worktrees, submodules and
 * decoys, and large dependency trees (node_modules, ~/.m2, ~/.cache, target). Deterministic: the same
 * tree on every run. Usage: {@code java src/test/bench/MakeHome.java /tmp/bench-home}
 */
public final class MakeHome {
    private static long dirs;
    private static long files;

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args.length > 0 ? args[0] : "/tmp/bench-home");
        if (Files.exists(home)) {
            System.err.println(home + " exists; remove it first");
            System.exit(2);
        }
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
            repos += 2;
            mkdirs(home.resolve("decoys/empty" + i + "/.git"));
            mkdirs(home.resolve("decoys/garbage" + i));
            write(home.resolve("decoys/garbage" + i + "/.git"), "garbage\n");
            mkdirs(home.resolve("decoys/nowhere" + i));
            write(home.resolve("decoys/nowhere" + i + "/.git"), "gitdir: /no/such/dir\n");
        }
        // Caches that are pruned by name.
        tree(home.resolve(".m2/repository"), 4, 6, 3);
        tree(home.resolve(".cache"), 3, 12, 3);
        // Plain documents and data: walked in full.
        for (int i = 0; i < 58; i++) {
            tree(home.resolve("Documents/area" + i), 3, 12, 3);
        }
        System.out.println(home + ": " + dirs + " directories, " + files + " files, " + repos + " repositories");
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
