package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a real git directory from a decoy, as git itself would: a {@code HEAD} that names a ref or
 * a commit, plus {@code objects} and {@code refs} (or, in a linked worktree, a {@code commondir}
 * pointing at a repository that has them). Runs only on candidates, so it may afford a few reads.
 */
final class GitDirProbe {
    private static final Pattern HEAD = Pattern.compile("(ref: refs/\\S+|[0-9a-f]{40}|[0-9a-f]{64})\\s*");
    private static final int MAX_SMALL_FILE = 4096;

    private GitDirProbe() {
    }

    /** The repository whose working tree is {@code dir}, given its {@code .git} entry; empty for a decoy. */
    static Optional<FoundRepository> workingTree(Path dir, Path dotGit) {
        if (Files.isDirectory(dotGit, LinkOption.NOFOLLOW_LINKS)) {
            return isGitDir(dotGit) ? Optional.of(new FoundRepository(dir, dotGit, commonDir(dotGit),
                    FoundRepository.Layout.WORKING_TREE)) : Optional.empty();
        }
        // A .git file ("gitdir: <path>"): linked worktrees, submodules, --separate-git-dir; or a symlink.
        Optional<Path> target = Files.isRegularFile(dotGit, LinkOption.NOFOLLOW_LINKS)
                ? readPointer(dotGit, "gitdir:").map(p -> dir.resolve(p).normalize())
                : Files.isDirectory(dotGit) ? Optional.of(dotGit) : Optional.empty();
        if (target.isEmpty() || !isGitDir(target.get())) {
            return Optional.empty();
        }
        Path gitDir = target.get();
        Path common = commonDir(gitDir);
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
    static Optional<FoundRepository> bare(Path dir) {
        return isGitDir(dir)
                ? Optional.of(new FoundRepository(dir, dir, dir, FoundRepository.Layout.BARE)) : Optional.empty();
    }

    static boolean isGitDir(Path dir) {
        if (!validHead(dir.resolve("HEAD"))) {
            return false;
        }
        Path common = commonDir(dir);
        return Files.isDirectory(common.resolve("objects")) && Files.isDirectory(common.resolve("refs"));
    }

    /** The directory shared by all worktrees of a repository ({@code commondir}), else the git directory itself. */
    static Path commonDir(Path gitDir) {
        return readPointer(gitDir.resolve("commondir"), "").map(p -> gitDir.resolve(p).normalize()).orElse(gitDir);
    }

    private static boolean validHead(Path head) {
        return readSmall(head).map(s -> HEAD.matcher(s).matches()).orElse(false);
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

    private static Optional<String> readPointer(Path file, String prefix) {
        return readSmall(file).map(String::strip).filter(s -> s.startsWith(prefix))
                .map(s -> s.substring(prefix.length()).strip()).filter(s -> !s.isEmpty() && !s.contains("\n"));
    }

    private static Optional<String> readSmall(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_SMALL_FILE) {
                return Optional.empty();
            }
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
