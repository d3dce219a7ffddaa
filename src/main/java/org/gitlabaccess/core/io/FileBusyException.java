package org.gitlabaccess.core.io;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (git, an editor, a second run of this tool) holds the file's {@code .lock}. */
public final class FileBusyException extends IOException {
    private final Path file;

    public FileBusyException(Path file) {
        super(file + " is locked by another program (" + file.getFileName() + ".lock exists); "
                + "close it, or remove the lock file if no program is using it, then try again");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
