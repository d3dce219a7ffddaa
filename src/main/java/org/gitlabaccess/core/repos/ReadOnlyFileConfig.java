package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.util.RawParseUtils;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * A git configuration file read for its values, {@code [include]}s resolved as git resolves them,
 * without JGit's file machinery: its file system detection, file snapshots, cleanup
 * hooks and logging start in about as long as a home with pruned dependency trees takes to walk, and
 * reading remotes needs none of them. Files that are not regular or too large are skipped and
 * reported, never opened; a layer that cannot be read or parsed is left empty, as
 * {@link GitConfigs#global()} leaves it.
 */
final class ReadOnlyFileConfig extends Config {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final Path home;
    private final Consumer<ScanResult.Skipped> skipped;

    private ReadOnlyFileConfig(Config parent, Path file, Path home, Consumer<ScanResult.Skipped> skipped) {
        super(parent);
        this.file = file;
        this.home = home;
        this.skipped = skipped;
    }

    /** The file over {@code parent}; {@code ~/} in include paths is {@code home}. */
    static Config read(Config parent, Path file, Path home, Consumer<ScanResult.Skipped> skipped) {
        ReadOnlyFileConfig config = new ReadOnlyFileConfig(parent, file, home, skipped);
        try {
            Optional<byte[]> bytes = config.bytesOf(file);
            if (bytes.isPresent()) {
                config.fromText(decode(bytes.get()));
            }
        } catch (ConfigInvalidException | RuntimeException e) {
            config.clear(); // a broken file must not stop the scan; git reports it itself
        }
        return config;
    }

    @Override
    protected byte[] readIncludedConfig(String relPath) throws ConfigInvalidException {
        return bytesOf(includedPath(file, home, relPath)).orElse(null);
    }

    /** The file's bytes; empty when it is not there or is refused (then reported). */
    private Optional<byte[]> bytesOf(Path path) throws ConfigInvalidException {
        try {
            return BoundedFiles.readIfPresent(path, BoundedFiles.GIT_CONFIG_LIMIT);
        } catch (BoundedFiles.RefusedFileException e) {
            skipped.accept(ScanResult.Skipped.of(e));
            return Optional.empty();
        } catch (IOException e) {
            throw new ConfigInvalidException("cannot read " + path, e);
        }
    }

    /** As JGit decodes a configuration file: UTF-8 after a byte order mark, else UTF-8 or the fallback. */
    private static String decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
        return bom ? RawParseUtils.decode(StandardCharsets.UTF_8, bytes, 3, bytes.length) : RawParseUtils.decode(bytes);
    }

    /**
     * As git resolves an include path: {@code ~/} from the home, relative paths from the directory of
     * the file read (nested includes from theirs).
     */
    static Path includedPath(Path file, Path home, String relPath) {
        if (relPath.startsWith("~/")) {
            return home.resolve(relPath.substring(2));
        }
        Path path = Path.of(relPath);
        return path.isAbsolute() ? path : file.toAbsolutePath().getParent().resolve(path);
    }
}
