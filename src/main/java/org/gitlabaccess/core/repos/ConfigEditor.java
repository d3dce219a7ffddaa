package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Config;
import org.gitlabaccess.core.io.AtomicFile;

/**
 * Applies edits to one git configuration file as git does: under {@code config.lock}, which is taken
 * before the file is read (so a concurrent writer's lines are never lost), with only the edited lines
 * changed ({@link GitConfigFileEditor}) and the file's mode, owner and symbolic link kept
 * ({@link AtomicFile}). A lock already held (git is running, or crashed) means busy: never forced.
 * Every edit is checked afterwards by reading the file again with JGit, an independent parser.
 */
public final class ConfigEditor {
    private final AtomicFile atomic;

    /** The file no longer holds the value the edit expected: someone changed it since it was planned. */
    public static final class ConflictException extends IOException {
        public ConflictException(String message) {
            super(message);
        }
    }

    public ConfigEditor(AtomicFile atomic) {
        this.atomic = atomic;
    }

    /** For a journaled batch: renames made durable together by {@link #syncChanges()}. */
    public ConfigEditor() {
        this(AtomicFile.deferringDirectorySyncs());
    }

    /** Makes every change applied so far durable. */
    public void syncChanges() {
        atomic.syncDirectories();
    }

    public void apply(Path configFile, List<ConfigEdit> edits) throws IOException {
        atomic.update(configFile, current -> edited(configFile, current.orElse(new byte[0]), edits),
                AtomicFile.Options.defaults());
        verify(configFile, edits);
    }

    /** The new content, or null when every edit is already in place (an earlier, interrupted run). */
    private static byte[] edited(Path configFile, byte[] content, List<ConfigEdit> edits) throws IOException {
        GitConfigFileEditor config;
        try {
            config = GitConfigFileEditor.parse(content);
        } catch (GitConfigFileEditor.InvalidConfigException e) {
            throw new IOException(configFile + " is not a valid git configuration file (" + e.getMessage() + ")", e);
        }
        boolean changed = false;
        for (ConfigEdit e : edits) {
            List<String> values = config.values(e.section(), e.subsection(), e.name());
            if (e.from() != null && values.contains(e.from())) {
                if (e.to() == null) {
                    config.remove(e.section(), e.subsection(), e.name(), e.from());
                } else {
                    config.replace(e.section(), e.subsection(), e.name(), e.from(), e.to());
                }
            } else if (e.to() != null && values.contains(e.to())) {
                continue; // already done (an earlier, interrupted run)
            } else if (e.from() == null) {
                config.add(e.section(), e.subsection(), e.name(), e.to());
            } else if (e.to() == null) {
                continue; // already removed
            } else {
                throw new ConflictException(e.key() + " no longer holds the planned value");
            }
            changed = true;
        }
        return changed ? config.toBytes() : null;
    }

    /** Reads the file itself back (bounded, includes not followed: they are not what was written). */
    private static void verify(Path configFile, List<ConfigEdit> edits) throws IOException {
        Config reread;
        try {
            reread = GitConfigs.repository(configFile, null);
        } catch (ConfigInvalidException e) {
            throw new IOException(configFile + " is not a valid git configuration file", e);
        }
        for (ConfigEdit e : edits) {
            List<String> values = Arrays.asList(reread.getStringList(e.section(), e.subsection(), e.name()));
            boolean hasNew = e.to() == null || values.contains(e.to());
            boolean oldGone = e.from() == null || e.from().equals(e.to()) || !values.contains(e.from());
            if (!hasNew || !oldGone) {
                throw new IOException("the change to " + e.key() + " is not in " + configFile + " after writing it");
            }
        }
    }
}
