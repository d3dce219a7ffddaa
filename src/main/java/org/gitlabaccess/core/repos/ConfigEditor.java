package org.gitlabaccess.core.repos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.gitlabaccess.core.io.AtomicFile;
import org.gitlabaccess.core.io.FileBusyException;

/**
 * Applies edits to one git configuration file through JGit, which writes {@code config.lock} and
 * renames it over the file as git does. A lock already held (git is running, or crashed) means
 * busy: never forced. Every edit is checked afterwards by reading the file again.
 */
public final class ConfigEditor {

    /** The file no longer holds the value the edit expected: someone changed it since it was planned. */
    public static final class ConflictException extends IOException {
        public ConflictException(String message) {
            super(message);
        }
    }

    public void apply(Path configFile, List<ConfigEdit> edits) throws IOException {
        if (AtomicFile.isLocked(configFile)) {
            throw new FileBusyException(configFile);
        }
        FileBasedConfig config = load(configFile);
        boolean changed = false;
        for (ConfigEdit e : edits) {
            List<String> values = new ArrayList<>(Arrays.asList(config.getStringList(e.section(), e.subsection(), e.name())));
            if (e.from() != null && values.contains(e.from())) {
                int i = values.indexOf(e.from());
                if (e.to() == null) {
                    values.remove(i);
                } else {
                    values.set(i, e.to());
                }
            } else if (e.to() != null && values.contains(e.to())) {
                continue; // already done (an earlier, interrupted run)
            } else if (e.from() == null) {
                values.add(e.to());
            } else if (e.to() == null) {
                continue; // already removed
            } else {
                throw new ConflictException(e.key() + " no longer holds the planned value");
            }
            if (values.isEmpty()) {
                config.unset(e.section(), e.subsection(), e.name());
            } else {
                config.setStringList(e.section(), e.subsection(), e.name(), values);
            }
            changed = true;
        }
        if (changed) {
            try {
                config.save();
            } catch (IOException ex) {
                if (AtomicFile.isLocked(configFile)) {
                    throw new FileBusyException(configFile);
                }
                throw ex;
            }
        }
        verify(configFile, edits);
    }

    private static void verify(Path configFile, List<ConfigEdit> edits) throws IOException {
        FileBasedConfig reread = load(configFile);
        for (ConfigEdit e : edits) {
            List<String> values = Arrays.asList(reread.getStringList(e.section(), e.subsection(), e.name()));
            boolean hasNew = e.to() == null || values.contains(e.to());
            boolean oldGone = e.from() == null || e.from().equals(e.to()) || !values.contains(e.from());
            if (!hasNew || !oldGone) {
                throw new IOException("the change to " + e.key() + " is not in " + configFile + " after writing it");
            }
        }
    }

    private static FileBasedConfig load(Path configFile) throws IOException {
        FileBasedConfig config = new FileBasedConfig(configFile.toFile(), FS.DETECTED);
        try {
            config.load();
        } catch (ConfigInvalidException e) {
            throw new IOException(configFile + " is not a valid git configuration file", e);
        }
        return config;
    }
}
