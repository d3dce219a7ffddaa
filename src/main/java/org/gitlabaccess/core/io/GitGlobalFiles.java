package org.gitlabaccess.core.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The configuration files every git reads at start, whatever its command ({@code --version} and
 * {@code config --system} included): {@code ~/.gitconfig} and {@code $XDG_CONFIG_HOME/git/config}, or
 * only {@code $GIT_CONFIG_GLOBAL} where it is set (children inherit it).
 * A FIFO there holds every git for good and a device feeds it without end, so no git is started
 * while one of them would be refused by {@link BoundedFiles}.
 */
public final class GitGlobalFiles {
    private GitGlobalFiles() {
    }

    public static List<Path> of(Environment env) {
        Optional<String> override = env.variable("GIT_CONFIG_GLOBAL").filter(v -> !v.isEmpty());
        if (override.isPresent()) {
            return List.of(Path.of(override.get()));
        }
        return List.of(UserHome.resolve(env).resolve(".gitconfig"),
                AppDirectories.of(env).xdgConfigHome().resolve("git").resolve("config"));
    }

    /** The first of them that is there but not a regular file within {@link BoundedFiles#GIT_CONFIG_LIMIT}. */
    public static Optional<BoundedFiles.RefusedFileException> refused(Environment env) {
        return BoundedFiles.refusals(of(env), BoundedFiles.GIT_CONFIG_LIMIT).stream().findFirst();
    }
}
