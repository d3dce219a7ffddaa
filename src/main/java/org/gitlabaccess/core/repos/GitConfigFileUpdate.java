package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gitlabaccess.core.ProblemException;
import org.gitlabaccess.core.ProblemKind;
import org.gitlabaccess.core.Text;
import org.gitlabaccess.core.io.AppDirectories;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.Environment;
import org.gitlabaccess.core.FileWriteProblems;

/**
 * Changes a user's git configuration file in-process, as {@code git config --file} would but keeping
 * the owner too: lock, read, edit only the touched lines ({@link GitConfigFileEditor}), rename
 * ({@link AtomicFile}). Failures are the user's errors (exit 5) naming the file.
 */
public final class GitConfigFileUpdate {
    /** The edits to make; they see the file as it is under the lock. */
    @FunctionalInterface
    public interface Change {
        void apply(GitConfigFileEditor config) throws IOException;
    }

    private final AtomicFile atomic;

    public GitConfigFileUpdate(AtomicFile atomic) {
        this.atomic = atomic;
    }

    /** The file {@code git config --global} writes: $GIT_CONFIG_GLOBAL, else ~/.gitconfig unless only the XDG file exists. */
    public static Path globalFile(Environment env) {
        var global = env.variable("GIT_CONFIG_GLOBAL").filter(v -> !v.isBlank());
        if (global.isPresent()) {
            return Path.of(global.get());
        }
        AppDirectories dirs = AppDirectories.of(env);
        Path home = dirs.home().resolve(".gitconfig");
        Path xdg = dirs.xdgConfigHome().resolve("git").resolve("config");
        return !Files.exists(home) && Files.exists(xdg) ? xdg : home;
    }

    public void apply(Path file, Change change) {
        try {
            atomic.update(file, current -> {
                GitConfigFileEditor config = GitConfigFileEditor.parse(current.orElse(new byte[0]));
                change.apply(config);
                return config.toBytes();
            }, AtomicFile.Options.defaults());
        } catch (GitConfigFileEditor.InvalidConfigException e) {
            throw ProblemException.of(ProblemKind.LOCAL_FILES, "gitconfig-unreadable",
                    Text.of("error.gitconfig-unreadable", file), Text.of("error.gitconfig-unreadable.hint"), e);
        } catch (IOException e) {
            throw FileWriteProblems.of(file, e);
        }
    }
}
