package org.gitlabaccess.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gitlabaccess.Main;
import org.gitlabaccess.cli.CliRunner;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FileBusyException;
import org.gitlabaccess.core.FileWriteProblems;
import org.gitlabaccess.core.repos.ConfigEdit;
import org.gitlabaccess.core.repos.ConfigEditor;
import org.gitlabaccess.core.ssh.SshConfigBlock;
import org.gitlabaccess.core.ssh.SshEndpoint;
import org.gitlabaccess.testkit.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files change the way git and OpenSSH change them (issue 13, point 5): mode, owner, links and every
 * untouched byte kept; every read-modify-write under the lock; a failed write (full disk, read-only
 * home) leaves the previous file whole and names it; kill -9 and concurrent runs lose nothing.
 * Cases that need root (mount, chown) assume it; CI runs as root.
 */
class FilesHostileTest {
    private static final String HOST = "https://gitlab.example.com";
    private static final String SSH_BASE = "git@gitlab.example.com:";

    @TempDir
    Path home;

    // --- mode, bytes and links ---

    @Test
    void rewriteKeepsAnOwnerOnlyRepositoryConfigOwnerOnlyAndEveryOtherByte() throws Exception {
        String before = "[core]\r\n\trepositoryformatversion = 0\r\n[remote \"origin\"]\r\n"
                + "\turl    =   https://gitlab.example.com/g/app.git   ; the main remote\r\n"
                + "\tfetch  = \"+refs/heads/*:refs/remotes/origin/*\"\r\n"
                + "[http \"https://other.example.com/\"]\r\n\textraHeader = \"Authorization: Bearer other-host-token\"\r\n";
        Path repo = repo(home.resolve("src/app"), before);
        Path config = repo.resolve(".git/config");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
        FileTreeSnapshot others = FileTreeSnapshot.of(home);

        var r = cli("repos", "rewrite", "--to", "ssh", "--yes", home.resolve("src").toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("git@gitlab.example.com:g/app.git");
        assertThat(mode(config)).isEqualTo("rw-------");
        assertThat(Files.readString(config)).isEqualTo(before.replace("https://gitlab.example.com/g/app.git",
                "git@gitlab.example.com:g/app.git"));
        others.assertUnchangedExcept(p -> p.equals("src/app/.git/config") || p.startsWith(".local"));
    }

    @Test
    void globalInsteadOfEditsTheDotfilesTargetThroughARelativeLinkAndUndoRestoresItByteForByte() throws Exception {
        String before = "[user]\r\n\tname  = \"Ada  Lovelace\"  \r\n\temail = ada@example.com\r\n"
                + "[alias]\r\n\tlg    = \"log --graph # not a comment\"\r\n";
        Path dotfiles = Files.createDirectories(home.resolve("dotfiles"));
        Path target = dotfiles.resolve("gitconfig");
        Files.writeString(target, before);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(home.resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));

        var r = cli("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("dotfiles/gitconfig"));
        assertThat(mode(target)).isEqualTo("rw-r-----");
        assertThat(Files.readString(target)).isEqualTo(before
                + "[url \"" + SSH_BASE + "\"]\r\n\tinsteadOf = " + HOST + "/\r\n");
        assertThat(dotfiles.resolve("gitconfig.lock")).doesNotExist();

        var undo = cli("repos", "undo", "--yes");
        assertThat(undo.exitCode()).as(undo.all()).isZero();
        assertThat(Files.readString(target)).isEqualTo(before);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(mode(target)).isEqualTo("rw-r-----");
    }

    @Test
    void aDanglingGitconfigLinkIsFollowedAndItsTargetCreatedAsGitDoes() throws Exception {
        assumeTrue(Processes.available("git"));
        Path sandboxForGit = Files.createDirectories(home.resolve("git-sandbox"));
        Files.createDirectories(home.resolve("dotfiles"));
        Files.createDirectories(sandboxForGit.resolve("dotfiles"));
        Path link = Files.createSymbolicLink(home.resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));
        Path gitsLink = Files.createSymbolicLink(sandboxForGit.resolve(".gitconfig"), Path.of("dotfiles/gitconfig"));

        var r = cli("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes");
        Processes.Result git = Processes.run(sandboxForGit, Map.of("HOME", sandboxForGit.toString()), "git", "config",
                "--file", gitsLink.toString(), "--add", "url." + SSH_BASE + ".insteadOf", HOST + "/");

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(git.exitCode()).as(git.all()).isZero();
        assertThat(Files.isSymbolicLink(link)).isEqualTo(Files.isSymbolicLink(gitsLink)).isTrue();
        assertThat(Files.readString(home.resolve("dotfiles/gitconfig")))
                .isEqualTo(Files.readString(sandboxForGit.resolve("dotfiles/gitconfig")));
    }

    @Test
    void aChainOfLinksToARepositoryConfigStaysAndOnlyItsEndIsEdited() throws Exception {
        Path repo = repo(home.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");
        Path shared = Files.createDirectories(home.resolve("shared/configs"));
        Path real = shared.resolve("app.config");
        Files.move(repo.resolve(".git/config"), real);
        Files.createSymbolicLink(shared.resolve("current"), Path.of("app.config"));
        Files.createSymbolicLink(repo.resolve(".git/config"), Path.of("../../../shared/configs/current"));
        FileTreeSnapshot links = FileTreeSnapshot.of(home);

        var r = cli("repos", "rewrite", "--to", "ssh", "--yes", home.resolve("src").toString());

        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(Files.readString(real)).isEqualTo("[remote \"origin\"]\n\turl = git@gitlab.example.com:g/app.git\n");
        links.assertUnchangedExcept(p -> p.equals("shared/configs/app.config") || p.startsWith(".local"));
    }

    @Test
    void aConfigLockedByGitIsReportedBusyNamingTheLockAndNeverRemoved() throws Exception {
        String before = "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n";
        Path repo = repo(home.resolve("src/app"), before);
        Files.writeString(repo.resolve(".git/config.lock"), "git is writing\n");
        FileTreeSnapshot snapshot = FileTreeSnapshot.of(home.resolve("src"));

        var r = cli("repos", "rewrite", "--to", "ssh", "--yes", home.resolve("src").toString());

        assertThat(r.exitCode()).isEqualTo(5);
        assertThat(r.err()).contains("busy", "config.lock");
        snapshot.assertUnchanged();
    }

    // --- owners ---

    @Test
    void rootEditingAnotherUsersHomeLeavesTheirFilesAndNewFilesTheirs() throws Exception {
        assumeTrue(isRoot(), "chown needs root");
        Path repo = repo(home.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");
        Path gitconfig = home.resolve(".gitconfig");
        Files.writeString(gitconfig, "[user]\n\tname = Nobody\n");
        chownTree(home, "nobody", "nogroup");
        Path keyDir = home.resolve(".ssh");

        var rewrite = cli("repos", "rewrite", "--to", "ssh", "--yes", home.resolve("src").toString());
        var global = cli("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes");
        var key = cli("ssh-key", "create", "--file", keyDir.resolve("id_new").toString());

        assertThat(rewrite.exitCode()).as(rewrite.all()).isZero();
        assertThat(global.exitCode()).as(global.all()).isZero();
        assertThat(key.exitCode()).as(key.all()).isZero();
        assertThat(Files.readString(gitconfig)).contains("insteadOf = " + HOST + "/");
        for (Path p : List.of(repo.resolve(".git/config"), gitconfig, keyDir, keyDir.resolve("id_new"),
                keyDir.resolve("id_new.pub"))) {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(a.owner().getName()).as(p.toString()).isEqualTo("nobody");
            assertThat(a.group().getName()).as(p.toString()).isEqualTo("nogroup");
        }
        assertThat(mode(keyDir.resolve("id_new"))).isEqualTo("rw-------");
    }

    @Test
    void rootCreatingANewGitconfigInAnotherUsersHomeGivesItToThem() throws Exception {
        assumeTrue(isRoot(), "chown needs root");
        chownTree(home, "nobody", "nogroup");

        var r = cli("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes");

        assertThat(r.exitCode()).as(r.all()).isZero();
        Path gitconfig = home.resolve(".gitconfig");
        assertThat(Files.readString(gitconfig)).isEqualTo("[url \"" + SSH_BASE + "\"]\n\tinsteadOf = " + HOST + "/\n");
        assertThat(Files.getOwner(gitconfig).getName()).isEqualTo("nobody");
        assertThat(mode(gitconfig)).isEqualTo("rw-r--r--");
    }

    // --- kill -9 ---

    @Test
    void killedMidRewriteEveryConfigIsOldOrNewAndTheNextRunOrUndoFinishesTheJob() throws Exception {
        int repos = 200;
        Path src = home.resolve("src");
        List<Path> configs = new ArrayList<>();
        for (int i = 0; i < repos; i++) {
            configs.add(repo(src.resolve("r" + i), oldConfig(i)).resolve(".git/config"));
        }
        Random random = new Random(13);
        int cutShort = 0;
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < repos; i++) {
                Files.writeString(configs.get(i), oldConfig(i));
            }
            deleteTree(home.resolve(".local/state"));

            Process child = childCli("repos", "rewrite", "--to", "ssh", "--yes", "--host", HOST, src.toString());
            waitUntil(() -> configs.stream().anyMatch(c -> !readQuietly(c).startsWith("[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https")),
                    child);
            Thread.sleep(random.nextInt(40));
            child.destroyForcibly(); // SIGKILL
            child.waitFor(30, TimeUnit.SECONDS);

            int changed = 0;
            for (int i = 0; i < repos; i++) {
                String now = Files.readString(configs.get(i));
                assertThat(now).as("config of r" + i + " after kill -9").isIn(oldConfig(i), newConfig(i));
                changed += now.equals(newConfig(i)) ? 1 : 0;
            }
            List<Path> locks = locksUnder(src);
            assertThat(locks).as("at most the one file being written").hasSizeLessThanOrEqualTo(1);
            cutShort += changed < repos ? 1 : 0;

            boolean undo = round == 1;
            String[] next = undo ? new String[] {"repos", "undo", "--yes"}
                    : new String[] {"repos", "rewrite", "--to", "ssh", "--yes", src.toString()};
            var again = cli(next);
            if (!locks.isEmpty() && !undo) {
                // A crash leaves git's kind of stale lock: reported by name, never removed behind git's back.
                assertThat(again.exitCode()).as(again.all()).isIn(1, 5);
                assertThat(again.err()).contains("busy", "config.lock");
                assertThat(locks.get(0)).exists();
                Files.delete(locks.get(0)); // what the message tells the user to do
                again = cli(next);
            }
            assertThat(again.exitCode()).as(again.all()).isZero();
            for (int i = 0; i < repos; i++) {
                assertThat(Files.readString(configs.get(i))).as("r" + i).isEqualTo(undo ? oldConfig(i) : newConfig(i));
            }
            if (!locks.isEmpty() && undo) {
                // The locked file was never renamed, so it is still old: undo had nothing to do there.
                assertThat(locks.get(0)).exists();
                Files.delete(locks.get(0));
            }
            assertThat(locksUnder(src)).isEmpty();
        }
        assertThat(cutShort).as("at least one run was really killed mid-way").isPositive();
    }

    @Test
    void killedMidSshConfigWriteTheFileIsAlwaysOneWholeVersionWithTheUsersLinesKept() throws Exception {
        String users = "Host work\n  HostName work.example.com\n  User me\n\nHost *\n  ServerAliveInterval 60\n";
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Path config = ssh.resolve("config");
        Set<String> whole = Set.of(users, blockFor(users, 22), blockFor(users, 2222));
        Random random = new Random(5);
        for (int round = 0; round < 3; round++) {
            Files.writeString(config, users);
            Process child = child(SshConfigWriterMain.class.getName(), home.toString());
            waitUntil(() -> readQuietly(config).contains("2222"), child);
            Thread.sleep(random.nextInt(60));
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);

            assertThat(Files.readString(config)).isIn(whole);
            Path lock = ssh.resolve("config.lock");
            var settings = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.example.com", 22),
                    ssh.resolve("id_ed25519_gitlab.example.com"), home, false);
            if (Files.exists(lock)) {
                assertThatThrownBy(() -> SshConfigBlock.writeTo(config, settings, new AtomicFile()))
                        .isInstanceOf(ProblemException.class).hasMessageContaining("config.lock")
                        .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo(ProblemKind.LOCAL_FILES));
                Files.delete(lock);
            }
            SshConfigBlock.writeTo(config, settings, new AtomicFile());
            assertThat(Files.readString(config)).isEqualTo(blockFor(users, 22));
        }
    }

    // --- concurrency ---

    @Test
    void theProductAndAConcurrentGitConfigAddLoopLoseNoLineOfEachOther() throws Exception {
        assumeTrue(Processes.available("git"));
        Path gitconfig = home.resolve(".gitconfig");
        Files.writeString(gitconfig, "[user]\n\tname = A\n");
        int rounds = 60;
        Set<Integer> productAdded = ConcurrentHashMap.newKeySet();
        Set<Integer> productBusy = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        Thread product = new Thread(() -> {
            ConfigEditor editor = new ConfigEditor(new AtomicFile());
            try {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    var edit = new ConfigEdit(gitconfig, gitconfig, "url", "git@h" + i + ":", "insteadOf", null,
                            "https://h" + i + "/", null, false);
                    try {
                        editor.apply(gitconfig, List.of(edit));
                        productAdded.add(i);
                    } catch (FileBusyException e) {
                        productBusy.add(i);
                    }
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        product.start();
        start.countDown();
        String script = "for i in $(seq 0 " + (rounds - 1) + "); do "
                + "if git config --file " + gitconfig + " --add test.k v$i 2>/dev/null; then echo ok $i; fi; done";
        Processes.Result git = Processes.run(home, Map.of("HOME", home.toString()), "sh", "-c", script);
        product.join(120_000);

        List<String> gitAdded = git.stdout().lines().map(l -> l.substring(3)).toList();
        String content = Files.readString(gitconfig);
        assertThat(gitAdded).as("git added values while the product ran").isNotEmpty();
        assertThat(productAdded).as("the product added values while git ran").isNotEmpty();
        for (String i : gitAdded) {
            assertThat(content).as("git's value " + i).contains("\tk = v" + i + "\n");
        }
        assertThat(productAdded.size() + productBusy.size()).isEqualTo(rounds);
        for (int i : productAdded) {
            assertThat(content).as("the product's rule " + i).contains("[url \"git@h" + i + ":\"]\n\tinsteadOf = https://h" + i + "/\n");
        }
        for (int i : productBusy) {
            assertThat(content).doesNotContain("git@h" + i + ":");
        }
        assertThat(gitconfig.resolveSibling(".gitconfig.lock")).doesNotExist();
    }

    @Test
    void twoEditorsAndGitOnOneRepositoryConfigAtOnceLoseNoValue() throws Exception {
        assumeTrue(Processes.available("git"));
        Path repo = repo(home.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");
        Path config = repo.resolve(".git/config");
        int rounds = 30;
        Map<String, Set<Integer>> added = new ConcurrentHashMap<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> editors = new ArrayList<>();
        for (String name : List.of("pushurl", "mirror")) {
            added.put(name, ConcurrentHashMap.newKeySet());
            Thread t = new Thread(() -> {
                ConfigEditor editor = new ConfigEditor(new AtomicFile());
                try {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        var edit = new ConfigEdit(repo, config, "remote", "origin", name, null, name + "-" + i, null, false);
                        try {
                            editor.apply(config, List.of(edit));
                            added.get(name).add(i);
                        } catch (FileBusyException busy) {
                            // reported as busy, never a silent loss: checked below by absence
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            editors.add(t);
            t.start();
        }
        start.countDown();
        String script = "for i in $(seq 0 " + (rounds - 1) + "); do "
                + "if git config --file " + config + " --add test.k v$i 2>/dev/null; then echo ok $i; fi; done";
        Processes.Result git = Processes.run(repo, Map.of("HOME", home.toString()), "sh", "-c", script);
        for (Thread t : editors) {
            t.join(120_000);
        }

        assertThat(failures).isEmpty();
        Processes.Result list = Processes.run(repo, Map.of("HOME", home.toString()), "git", "config", "--file",
                config.toString(), "--list");
        assertThat(list.exitCode()).as(list.all()).isZero();
        for (String name : List.of("pushurl", "mirror")) {
            assertThat(added.get(name)).as(name + " values written").isNotEmpty();
            for (int i = 0; i < rounds; i++) {
                assertThat(list.stdout().contains("remote.origin." + name + "=" + name + "-" + i + "\n"))
                        .as(name + "-" + i).isEqualTo(added.get(name).contains(i));
            }
        }
        List<String> gitAdded = git.stdout().lines().map(l -> l.substring(3)).toList();
        assertThat(gitAdded).isNotEmpty();
        for (String i : gitAdded) {
            assertThat(list.stdout()).as("git's value " + i).contains("test.k=v" + i + "\n");
        }
        assertThat(list.stdout()).contains("remote.origin.url=https://gitlab.example.com/g/app.git\n");
        assertThat(repo.resolve(".git/config.lock")).doesNotExist();
    }

    @Test
    void theSshConfigBlockWriterAndAnotherWriterAtOnceKeepEachOthersLines() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Path config = ssh.resolve("config");
        Path knownHosts = ssh.resolve("known_hosts");
        Files.writeString(config, "Host work\n  User me\n");
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Set<Integer> blockWrites = ConcurrentHashMap.newKeySet();
        Thread blocks = new Thread(() -> {
            try {
                start.await();
                for (int round = 0; round < 40; round++) {
                    final int i = round;
                    var settings = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.example.com", 22 + (i % 2)),
                            ssh.resolve("id_ed25519_gitlab.example.com"), home, false);
                    try {
                        SshConfigBlock.writeTo(config, settings, new AtomicFile());
                        blockWrites.add(i);
                    } catch (ProblemException busy) {
                        assertThat(busy.getMessage()).contains("locked", "config.lock");
                    }
                    new AtomicFile().updateText(knownHosts, s -> s + "blocks-" + i + " ssh-ed25519 AAAA\n",
                            AtomicFile.Options.ownerOnly());
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        // Another program (or run) using the same lock protocol: appends its own Host entries and host keys.
        Thread other = new Thread(() -> {
            try {
                start.await();
                AtomicFile atomic = new AtomicFile();
                for (int i = 0; i < 40; i++) {
                    final int n = i;
                    atomic.updateText(config, s -> s + "\nHost extra-" + n + "\n  User x\n", AtomicFile.Options.ownerOnly());
                    atomic.updateText(knownHosts, s -> s + "other-" + n + " ssh-ed25519 AAAA\n",
                            AtomicFile.Options.ownerOnly());
                }
            } catch (Throwable e) {
                failures.add(e);
            }
        });
        blocks.start();
        other.start();
        start.countDown();
        blocks.join(120_000);
        other.join(120_000);

        assertThat(failures).isEmpty();
        assertThat(blockWrites).as("block writes that got the lock").isNotEmpty();
        String cfg = Files.readString(config);
        assertThat(cfg).contains("Host work\n  User me\n", "# BEGIN gitlab-access gitlab.example.com");
        for (int i = 0; i < 40; i++) {
            assertThat(cfg).as("the other writer's entry " + i).contains("\nHost extra-" + i + "\n  User x\n");
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertThat(lines).hasSize(80);
        for (int i = 0; i < 40; i++) {
            assertThat(lines).contains("blocks-" + i + " ssh-ed25519 AAAA", "other-" + i + " ssh-ed25519 AAAA");
        }
        assertThat(ssh.resolve("config.lock")).doesNotExist();
    }

    // --- full disk, read-only home ---

    @Test
    void aFullDiskLeavesTheGitconfigWholeAndNamesIt() throws Exception {
        try (Tmpfs fs = Tmpfs.mount("64k")) {
            Path userHome = Files.createDirectories(fs.dir().resolve("home"));
            String before = "[user]\n\tname = A\n";
            Files.writeString(userHome.resolve(".gitconfig"), before);
            fs.fill();
            FileTreeSnapshot snapshot = FileTreeSnapshot.of(userHome);

            var r = new CliRunner(userHome).env("XDG_STATE_HOME", home.resolve("state").toString())
                    .run("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes", "--host", HOST);

            assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
            assertThat(r.err()).contains(userHome.resolve(".gitconfig").toString(), "disk", "full");
            snapshot.assertUnchanged();
        }
    }

    @Test
    void aFullDiskLeavesNoPartialPrivateKeyAndNoPublicKey() throws Exception {
        try (Tmpfs fs = Tmpfs.mount("64k")) {
            Path userHome = Files.createDirectories(fs.dir().resolve("home"));
            Files.createDirectories(userHome.resolve(".ssh"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            fs.fill();
            FileTreeSnapshot snapshot = FileTreeSnapshot.of(userHome);
            Path key = userHome.resolve(".ssh/id_ed25519_gitlab.example.com");

            var r = new CliRunner(userHome).run("ssh-key", "create", "--file", key.toString(), "--host", HOST);

            assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
            assertThat(r.err()).contains(key.toString(), "full");
            snapshot.assertUnchanged();
        }
    }

    @Test
    void aFullDiskDuringTheSshConfigBlockWriteLeavesTheUsersFileWhole() throws Exception {
        try (Tmpfs fs = Tmpfs.mount("64k")) {
            Path userHome = Files.createDirectories(fs.dir().resolve("home"));
            Path ssh = Files.createDirectories(userHome.resolve(".ssh"));
            Path config = ssh.resolve("config");
            Files.writeString(config, "Host work\n  User me\n");
            fs.fill();
            FileTreeSnapshot snapshot = FileTreeSnapshot.of(userHome);

            var settings = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.example.com", 22),
                    ssh.resolve("id_ed25519_gitlab.example.com"), userHome, false);
            assertThatThrownBy(() -> SshConfigBlock.writeTo(config, settings, new AtomicFile()))
                    .isInstanceOf(ProblemException.class).hasMessageContaining(config.toString())
                    .hasMessageContaining("full")
                    .satisfies(e -> assertThat(((ProblemException) e).kind()).isEqualTo(ProblemKind.LOCAL_FILES));
            snapshot.assertUnchanged();
        }
    }

    @Test
    void aReadOnlyHomeChangesNothingAndSaysSo() throws Exception {
        try (Tmpfs fs = Tmpfs.mount("1m")) {
            Path userHome = Files.createDirectories(fs.dir().resolve("home"));
            Files.writeString(userHome.resolve(".gitconfig"), "[user]\n\tname = A\n");
            Files.createDirectories(userHome.resolve(".ssh"));
            repo(userHome.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");
            fs.readOnly();
            FileTreeSnapshot snapshot = FileTreeSnapshot.of(userHome);
            CliRunner cli = new CliRunner(userHome).env("XDG_STATE_HOME", home.resolve("state").toString());

            var global = cli.run("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes", "--host", HOST);
            var rewrite = cli.run("repos", "rewrite", "--to", "ssh", "--yes", "--host", HOST,
                    userHome.resolve("src").toString());
            var key = cli.run("ssh-key", "create", "--file", userHome.resolve(".ssh/id_new").toString(), "--host", HOST);

            assertThat(global.exitCode()).as(global.all()).isEqualTo(5);
            assertThat(global.err()).contains(userHome.resolve(".gitconfig").toString(), "read-only");
            assertThat(rewrite.exitCode()).as(rewrite.all()).isEqualTo(5);
            assertThat(rewrite.err()).contains(".git/config", "read-only");
            assertThat(key.exitCode()).as(key.all()).isEqualTo(5);
            assertThat(key.err()).contains("id_new", "read-only");
            snapshot.assertUnchanged();
        }
    }

    @Test
    void aLocalisedSystemMessageStillSaysDiskFullOrReadOnly() throws Exception {
        try (Tmpfs fs = Tmpfs.mount("64k")) {
            Path file = fs.dir().resolve("config");
            Files.writeString(file, "x");
            fs.fill();
            // What the C library says under LANG=de_DE: the words the English check looks for are missing.
            ProblemException full = FileWriteProblems.of(file,
                    new IOException("Auf dem Gerät ist kein Speicherplatz mehr verfügbar"));
            assertThat(full.reason()).isEqualTo("disk-full");
            assertThat(full.kind()).isEqualTo(ProblemKind.LOCAL_FILES);
            assertThat(full.getMessage()).contains(file.toString(), "full");
            fs.readOnly();
            ProblemException readOnly = FileWriteProblems.of(file,
                    new IOException("Das Dateisystem ist nur lesbar"));
            assertThat(readOnly.reason()).isEqualTo("read-only");
            assertThat(readOnly.getMessage()).contains(file.toString(), "read-only");
        }
    }

    // --- keys, reports, logs ---

    @Test
    void aKeyWhoseLockIsHeldIsNotCreatedAndTheLockIsNamed() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Path key = ssh.resolve("id_new");
        Files.writeString(ssh.resolve("id_new.lock"), "");
        FileTreeSnapshot snapshot = FileTreeSnapshot.of(home);

        var r = cli("ssh-key", "create", "--file", key.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("id_new.lock");
        snapshot.assertUnchanged();
    }

    @Test
    void aPublicKeyWithoutItsPrivateKeyIsNeverOverwrittenNorCompleted() throws Exception {
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_new.pub"), "ssh-ed25519 AAAA someone-elses\n");
        FileTreeSnapshot snapshot = FileTreeSnapshot.of(home);

        var r = cli("ssh-key", "create", "--file", ssh.resolve("id_new").toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("id_new.pub");
        snapshot.assertUnchanged();
    }

    @Test
    void aGitconfigGitWouldRejectIsNamedAndLeftAlone() throws Exception {
        Files.writeString(home.resolve(".gitconfig"), "[user]\n\tname = \"unterminated\n[core\n");
        FileTreeSnapshot snapshot = FileTreeSnapshot.of(home);

        var r = cli("repos", "rewrite", "--to", "ssh", "--global-insteadof", "--yes");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains(home.resolve(".gitconfig").toString(), "could not be read");
        snapshot.assertUnchangedExcept(p -> p.startsWith(".local"));
    }

    @Test
    void aReportDestinationPlantedAsALinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = Files.writeString(home.resolve("victim.txt"), "do not overwrite\n");
        Path report = Files.createSymbolicLink(home.resolve("report.md"), victim);
        FileTreeSnapshot snapshot = FileTreeSnapshot.of(home);

        var r = new CliRunner(home).run("doctor", "--report", report.toString(), "--host", "https://127.0.0.1:9");

        assertThat(r.exitCode()).as(r.all()).isEqualTo(5);
        assertThat(r.err()).contains("report.md", "symbolic link");
        snapshot.assertUnchangedExcept(p -> p.startsWith(".local"));
    }

    @Test
    void aReportIsWrittenOwnerOnly() throws Exception {
        Path report = home.resolve("report.md");

        var r = new CliRunner(home).run("doctor", "--report", report.toString(), "--host", "https://127.0.0.1:9");

        assertThat(r.exitCode()).as(r.all()).isIn(0, 1);
        assertThat(mode(report)).isEqualTo("rw-------");
        assertThat(Files.readString(report)).contains("diagnosis report");
    }

    @Test
    void aLogFilePlantedAsALinkIsNeverWrittenThroughAndTheLogDirectoryIsOwnerOnly() throws Exception {
        Path victim = Files.writeString(home.resolve("victim.txt"), "do not append\n");
        Path logs = Files.createDirectories(home.resolve(".local/state/gitlab-access/logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(logs.resolve("gitlab-access.log"), victim);
        repo(home.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");
        FileTreeSnapshot victimSnapshot = FileTreeSnapshot.of(home);

        Process child = childCli("repos", "rewrite", "--to", "ssh", "--yes", "--host", HOST,
                home.resolve("src").toString());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as(out).isZero();
        assertThat(out).contains("git@gitlab.example.com:g/app.git");
        victimSnapshot.assertUnchangedExcept(p -> !p.equals("victim.txt")
                && !p.equals(".local/state/gitlab-access/logs/gitlab-access.log"));
        assertThat(mode(logs)).isEqualTo("rwx------");
    }

    @Test
    void aNewLogIsOwnerOnlyInAnOwnerOnlyDirectory() throws Exception {
        repo(home.resolve("src/app"), "[remote \"origin\"]\n\turl = https://gitlab.example.com/g/app.git\n");

        Process child = childCli("repos", "rewrite", "--to", "ssh", "--yes", "--host", HOST,
                home.resolve("src").toString());
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(child.exitValue()).isZero();
        Path logs = home.resolve(".local/state/gitlab-access/logs");
        assertThat(mode(logs)).isEqualTo("rwx------");
        assertThat(mode(logs.resolve("gitlab-access.log"))).isEqualTo("rw-------");
        assertThat(Files.readString(logs.resolve("gitlab-access.log"))).contains("git@gitlab.example.com:g/app.git");
    }

    // --- helpers ---

    private CliRunner.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--host", HOST));
        return new CliRunner(home).run(all.toArray(String[]::new));
    }

    private static String oldConfig(int i) {
        return "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = https://gitlab.example.com/g/r" + i + ".git\n"
                + "\tfetch = +refs/heads/*:refs/remotes/origin/*\n";
    }

    private static String newConfig(int i) {
        return oldConfig(i).replace("https://gitlab.example.com/g/r" + i + ".git", "git@gitlab.example.com:g/r" + i + ".git");
    }

    private String blockFor(String users, int port) {
        var settings = new SshConfigBlock.Settings(SshEndpoint.of("gitlab.example.com", port),
                home.resolve(".ssh").resolve("id_ed25519_gitlab.example.com"), home, false);
        return SshConfigBlock.apply(users, settings).content();
    }

    /** A minimal repository as git's own probe accepts it, with this config. */
    static Path repo(Path dir, String config) throws IOException {
        Path git = Files.createDirectories(dir.resolve(".git"));
        Files.createDirectories(git.resolve("objects"));
        Files.createDirectories(git.resolve("refs/heads"));
        Files.writeString(git.resolve("HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("config"), config);
        return dir;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void chownTree(Path root, String user, String group) throws IOException {
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(user);
        GroupPrincipal grp = lookup.lookupPrincipalByGroupName(group);
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                var view = Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(grp);
            }
        }
    }

    private static List<Path> locksUnder(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".lock")).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Condition condition, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("the child ended or never started writing: "
                        + new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            Thread.sleep(2);
        }
    }

    private Process childCli(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(Main.class.getName()));
        all.addAll(List.of(args));
        return child(all.toArray(String[]::new));
    }

    /** A separate JVM with the test's class path, HOME set to the sandbox: something kill -9 can hit. */
    private Process child(String... mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("XDG_STATE_HOME");
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("GITLAB_TOKEN");
        return pb.start();
    }

    /** A small tmpfs mounted for one case (root only), unmounted afterwards. */
    private record Tmpfs(Path dir) implements AutoCloseable {
        static Tmpfs mount(String size) throws IOException {
            assumeTrue(isRoot(), "mounting a tmpfs needs root");
            Path dir = Files.createTempDirectory("files-hostile-tmpfs");
            Processes.Result r = Processes.run(null, Map.of(), "mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755",
                    "tmpfs", dir.toString());
            assumeTrue(r.exitCode() == 0, "cannot mount a tmpfs here: " + r.all());
            return new Tmpfs(dir);
        }

        /** Fills the file system to the last byte. */
        void fill() throws IOException {
            byte[] chunk = new byte[1024];
            try (var out = Files.newOutputStream(dir.resolve("filler"), StandardOpenOption.CREATE_NEW)) {
                while (true) {
                    out.write(chunk);
                    out.flush();
                }
            } catch (IOException full) {
                // full, as intended
            }
            for (int i = 0; ; i++) {
                try {
                    Files.write(dir.resolve("filler-" + i), new byte[1]);
                } catch (IOException full) {
                    break;
                }
            }
        }

        void readOnly() throws IOException {
            Processes.Result r = Processes.run(null, Map.of(), "mount", "-o", "remount,ro", dir.toString());
            assertThat(r.exitCode()).as(r.all()).isZero();
        }

        @Override
        public void close() throws IOException {
            Processes.run(null, Map.of(), "umount", dir.toString());
            Files.deleteIfExists(dir);
        }
    }
}
