package org.gitlabaccess.core.repos;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Reads git configuration files the way git layers them: system, then {@code $XDG_CONFIG_HOME/git/config},
 * then {@code ~/.gitconfig}, then the repository's. Call {@code JGitHome.apply} first so that the
 * home is the product's. Only regular files within {@link BoundedFiles#GIT_CONFIG_LIMIT} are read
 * (included files too); the others are skipped and listed in {@link #skipped()}.
 */
public final class GitConfigs {
    private final Path home;
    private final Path xdgConfigHome;
    private final List<ScanResult.Skipped> skipped = new CopyOnWriteArrayList<>();

    public GitConfigs(Path home, Path xdgConfigHome) {
        this.home = home;
        this.xdgConfigHome = xdgConfigHome;
    }

    /** The global file this product writes to. */
    public Path userConfigFile() {
        return home.resolve(".gitconfig");
    }

    /** System, XDG and user configuration chained; unreadable layers are skipped (git would complain, not us). */
    public Config global() {
        Path xdgFile = xdgConfigHome.resolve("git/config");
        Config system;
        if (BoundedFiles.refusals(List.of(userConfigFile(), xdgFile), BoundedFiles.GIT_CONFIG_LIMIT).isEmpty()) {
            FileBasedConfig systemFile = SystemReader.getInstance().openSystemConfig(null, FS.DETECTED);
            File systemPath = systemFile.getFile();
            system = loadQuietly(systemPath == null ? systemFile
                    : new BoundedFileConfig(null, systemPath, skipped::add));
        } else {
            // JGit asks git where the system file is, and git reads the global files first: it would wait for good.
            system = new Config();
        }
        Config xdg = loadQuietly(new BoundedFileConfig(system, xdgFile.toFile(), skipped::add));
        return loadQuietly(new BoundedFileConfig(xdg, userConfigFile().toFile(), skipped::add));
    }

    /**
     * The layers of {@link #global()} read for their values only, without JGit's file machinery or
     * {@code JGitHome}, and without starting git: {@code systemFile} is where the system file is taken
     * to be (none: no system file, as with {@code GIT_CONFIG_NOSYSTEM}). For reading remotes.
     */
    public Config globalValues(Optional<Path> systemFile) {
        Config system = systemFile.map(f -> ReadOnlyFileConfig.read(null, f, home, skipped::add)).orElseGet(Config::new);
        Config xdg = ReadOnlyFileConfig.read(system, xdgConfigHome.resolve("git/config"), home, skipped::add);
        return ReadOnlyFileConfig.read(xdg, userConfigFile(), home, skipped::add);
    }

    /** The global files (or files they include) that {@link #global()} would not read, and why. */
    public List<ScanResult.Skipped> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * A repository's configuration over {@code parent}; read by path, so any file name works.
     *
     * @throws BoundedFiles.RefusedFileException when it is not a regular file or too large
     */
    public static Config repository(Path configFile, Config parent) throws IOException, ConfigInvalidException {
        Config config = new Config(parent);
        config.fromText(new String(BoundedFiles.readRegular(configFile, BoundedFiles.GIT_CONFIG_LIMIT),
                StandardCharsets.UTF_8));
        return config;
    }

    private FileBasedConfig loadQuietly(FileBasedConfig config) {
        try {
            File file = config.getFile();
            if (file != null && file.exists()) {
                // JGit's load() would open a FIFO and wait for a writer, or read a device forever.
                BoundedFiles.check(file.toPath(), BoundedFiles.GIT_CONFIG_LIMIT);
                config.load();
            }
        } catch (BoundedFiles.RefusedFileException e) {
            skipped.add(ScanResult.Skipped.of(e));
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // A broken global file must not stop the scan; git reports it itself.
        }
        return config;
    }
}
