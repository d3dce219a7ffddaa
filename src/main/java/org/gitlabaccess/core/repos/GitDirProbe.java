package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Tells a real git directory from a decoy, as git itself would: a {@code HEAD} that names a ref or
 * a commit, plus {@code objects} and {@code refs} (or, in a linked worktree, a {@code commondir}
 * pointing at a repository that has them). Runs only on candidates, so it may afford a few reads.
 * Those reads are bounded ({@link BoundedFiles}): a FIFO, a device or a huge file where a small file
 * belongs is never opened, and is reported to the caller as skipped.
 */
final class GitDirProbe {
    private static final Pattern HEAD = Pattern.compile("(ref: refs/\\S+|[0-9a-f]{40}|[0-9a-f]{64})\\s*");

    private GitDirProbe() {
    }

    /** The repository whose working tree is {@code dir}, given its {@code .git} entry; empty for a decoy. */
    static Optional<FoundRepository> workingTree(Path dir, Path dotGit, Consumer<ScanResult.Skipped> skipped) {
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return gitDirOrReport(dotGit, skipped) ? Optional.of(new FoundRepository(dir, dotGit,
                    commonDir(dotGit, skipped), FoundRepository.Layout.WORKING_TREE)) : Optional.empty();
        }
        // A .git file ("gitdir: <path>"): linked worktrees, submodules, --separate-git-dir; or a symlink.
        Optional<Path> target = Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)
                ? readPointer(dotGit, "gitdir:", skipped).map(p -> dir.resolve(p).normalize())
                : Files.isDirectory(dotGit) ? Optional.of(dotGit) : Optional.empty();
        if (target.isEmpty()) {
            if (Files.exists(dotGit) && !Files.isRegularFile(dotGit)) {
                // A FIFO, socket or device named .git (or a link to one): never opened.
                skipped.accept(new ScanResult.Skipped(dotGit, ScanResult.Reason.NOT_A_REGULAR_FILE));
            }
            return Optional.empty();
        }
        if (Files.exists(target.get()) && !Files.isDirectory(target.get())) {
            skipped.accept(new ScanResult.Skipped(target.get(), ScanResult.Reason.NOT_A_DIRECTORY));
            return Optional.empty();
        }
        if (!gitDirOrReport(target.get(), skipped)) {
            return Optional.empty();
        }
        Path gitDir = target.get();
        Path common = commonDir(gitDir, skipped);
        FoundRepository.Layout layout;
        if (!common.equals(gitDir)) {
            layout = FoundRepository.Layout.LINKED_WORKTREE;
        } else if (insideModules(gitDir)) {
            layout = FoundRepository.Layout.SUBMODULE;
        } else {
            layout = FoundRepository.Layout.WORKING_TREE;
        }
        return Optional.of(new FoundRepository(dir, gitDir, common, layout));
    }

    /** {@code dir} as a bare repository, when it is one. */
    static Optional<FoundRepository> bare(Path dir, Consumer<ScanResult.Skipped> skipped) {
        return isGitDir(dir, skipped)
                ? Optional.of(new FoundRepository(dir, dir, dir, FoundRepository.Layout.BARE)) : Optional.empty();
    }

    /**
     * A bare-looking git directory whose configuration says {@code core.bare = false} without a
     * {@code core.worktree}: some working tree's {@code --separate-git-dir}, whose {@code .git} file
     * the walk may not have reached yet. (Read with a line scan: no JGit during the walk.)
     */
    static boolean belongsToAWorkingTree(Path gitDir, Consumer<ScanResult.Skipped> skipped) {
        Optional<String> config;
        try {
            config = BoundedFiles.readIfPresent(gitDir.resolve("config"), BoundedFiles.GIT_CONFIG_LIMIT)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (BoundedFiles.RefusedFileException e) {
            skipped.accept(ScanResult.Skipped.of(e));
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
        boolean inCore = false;
        boolean notBare = false;
        for (String raw : config.orElse("").split("\n")) {
            String line = raw.strip().toLowerCase(Locale.ROOT);
            if (line.startsWith("[")) {
                inCore = line.startsWith("[core]");
            } else if (inCore && line.matches("worktree\\s*=.*")) {
                return false;
            } else if (inCore && line.matches("bare\\s*=\\s*(false|no|off|0)\\b.*")) {
                notBare = true;
            }
        }
        return notBare;
    }

    /**
     * A working tree's git directory is valid; when it is not because it cannot be read, it is
     * reported as unreadable (a clone the helpdesk must hear of), not taken for a decoy. The check
     * costs system calls only on this failure path.
     */
    private static boolean gitDirOrReport(Path gitDir, Consumer<ScanResult.Skipped> skipped) {
        if (isGitDir(gitDir, skipped)) {
            return true;
        }
        if (unreadable(gitDir)) {
            skipped.accept(new ScanResult.Skipped(gitDir, ScanResult.Reason.UNREADABLE));
        }
        return false;
    }

    /**
     * The directory cannot be listed, or its {@code HEAD} cannot be reached or read. Stat and
     * {@code access} only: a FIFO named HEAD is never opened here.
     */
    static boolean unreadable(Path gitDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(gitDir)) {
            Path head = gitDir.resolve("HEAD");
            Files.readAttributes(head, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return !Files.isReadable(head);
        } catch (AccessDeniedException e) {
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // gone or missing: a decoy, not a permission problem
        }
    }

    static boolean isGitDir(Path dir, Consumer<ScanResult.Skipped> skipped) {
        if (!validHead(dir.resolve("HEAD"), skipped)) {
            return false;
        }
        Path common = commonDir(dir, skipped);
        return Files.isDirectory(common.resolve("objects")) && Files.isDirectory(common.resolve("refs"));
    }

    /** The directory shared by all worktrees of a repository ({@code commondir}), else the git directory itself. */
    static Path commonDir(Path gitDir, Consumer<ScanResult.Skipped> skipped) {
        Path file = gitDir.resolve("commondir");
        // Only linked worktrees have one: asking File first spares every other repository the exception
        // (with its stack trace) that reading a missing file throws, twice per repository.
        if (!file.toFile().exists()) {
            return gitDir;
        }
        return readPointer(file, "", skipped).map(p -> gitDir.resolve(p).normalize()).orElse(gitDir);
    }

    private static boolean validHead(Path head, Consumer<ScanResult.Skipped> skipped) {
        return readSmall(head, skipped).map(s -> HEAD.matcher(s).matches()).orElse(false);
    }

    /** Submodules keep their git directory in the superproject's {@code .git/modules/<name>}. */
    private static boolean insideModules(Path gitDir) {
        for (Path p = gitDir.getParent(); p != null && p.getParent() != null; p = p.getParent()) {
            if (p.getFileName().toString().equals("modules") && p.getParent().getFileName() != null
                    && p.getParent().getFileName().toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> readPointer(Path file, String prefix, Consumer<ScanResult.Skipped> skipped) {
        return readSmall(file, skipped).map(String::strip).filter(s -> s.startsWith(prefix))
                .map(s -> s.substring(prefix.length()).strip()).filter(s -> !s.isEmpty() && !s.contains("\n"));
    }

    private static Optional<String> readSmall(Path file, Consumer<ScanResult.Skipped> skipped) {
        try {
            return BoundedFiles.readIfPresent(file, BoundedFiles.POINTER_LIMIT)
                    .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
        } catch (BoundedFiles.RefusedFileException e) {
            skipped.accept(ScanResult.Skipped.of(e));
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
