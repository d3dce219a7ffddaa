package org.gitlabaccess.core.repos;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * A git configuration file whose {@code [include]}d files are read only when they are regular files
 * within {@link BoundedFiles#GIT_CONFIG_LIMIT}: JGit would open an included FIFO and wait forever.
 * A refused include is reported and left out, as git leaves out an include that is not there.
 */
final class BoundedFileConfig extends FileBasedConfig {
    private final Consumer<ScanResult.Skipped> skipped;

    BoundedFileConfig(Config parent, File file, Consumer<ScanResult.Skipped> skipped) {
        super(parent, file, FS.DETECTED);
        this.skipped = skipped;
    }

    @Override
    protected byte[] readIncludedConfig(String relPath) throws ConfigInvalidException {
        Path included = includedPath(getFile().toPath(), FS.DETECTED.userHome().toPath(), relPath);
        var refusal = BoundedFiles.refusal(included, BoundedFiles.GIT_CONFIG_LIMIT);
        if (refusal.isPresent()) {
            skipped.accept(ScanResult.Skipped.of(refusal.get()));
            return null;
        }
        return super.readIncludedConfig(relPath);
    }

    /**
     * As git resolves an include path: {@code ~/} from the home, relative paths from the directory of
     * the file read (JGit resolves nested includes from it too).
     */
    static Path includedPath(Path file, Path home, String relPath) {
        if (relPath.startsWith("~/")) {
            return home.resolve(relPath.substring(2));
        }
        Path path = Path.of(relPath);
        return path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path);
    }
}
