package org.gitlabaccess.core.repos;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Reads git configuration files the way git layers them: system, then {@code $XDG_CONFIG_HOME/git/config},
 * then {@code ~/.gitconfig}, then the repository's. Call {@code JGitHome.apply} first so that the
 * home is the product's.
 */
public final class GitConfigs {
    private final Path home;
    private final Path xdgConfigHome;

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
        Config system = loadQuietly(SystemReader.getInstance().openSystemConfig(null, FS.DETECTED));
        Config xdg = loadQuietly(new FileBasedConfig(system, xdgConfigHome.resolve("git/config").toFile(), FS.DETECTED));
        return loadQuietly(new FileBasedConfig(xdg, userConfigFile().toFile(), FS.DETECTED));
    }

    /** A repository's configuration over {@code parent}; read by path, so any file name works. */
    public static Config repository(Path configFile, Config parent) throws IOException, ConfigInvalidException {
        Config config = new Config(parent);
        config.fromText(new String(Files.readAllBytes(configFile), StandardCharsets.UTF_8));
        return config;
    }

    private static FileBasedConfig loadQuietly(FileBasedConfig config) {
        try {
            File file = config.getFile();
            if (file != null && file.isFile()) {
                config.load();
            }
        } catch (IOException | ConfigInvalidException | RuntimeException e) {
            // A broken global file must not stop the scan; git reports it itself.
        }
        return config;
    }
}
