package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.gitlabaccess.core.io.BoundedFiles;

/**
 * Reads git configuration files the way git layers them: system, then {@code $XDG_CONFIG_HOME/git/config},
 * then {@code ~/.gitconfig}, then the repository's, with the product's home. Only regular files within {@link BoundedFiles#GIT_CONFIG_LIMIT} are read
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

    /**
     * System, XDG and user configuration chained, read for their values only, without JGit's file
     * machinery and without starting git: {@code systemFile} is where the system file is taken to be
     * (none: no system file, as with {@code GIT_CONFIG_NOSYSTEM}). Unreadable layers are left empty
     * (git would complain, not us). For reading remotes.
     */
    public Config globalValues(Optional<Path> systemFile) {
        Config system = systemFile.map(f -> ReadOnlyFileConfig.read(null, f, home, skipped::add)).orElseGet(Config::new);
        Config xdg = ReadOnlyFileConfig.read(system, xdgConfigHome.resolve("git/config"), home, skipped::add);
        return ReadOnlyFileConfig.read(xdg, userConfigFile(), home, skipped::add);
    }

    /** The global files (or files they include) that {@link #globalValues} would not read, and why. */
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
}
