package org.gitlabaccess.core.credentials;

import java.nio.file.Path;
import java.util.List;
import org.gitlabaccess.core.io.BoundedFiles;

/** A plain-text file of secrets for hosts (git's store helper, ~/.netrc): what it holds for a host, and removing it. */
public interface PlaintextStore {
    List<PlaintextFinding> find(GitHost host);

    /** The files it reads, in the order the program that uses them reads them. */
    List<Path> files();

    /** The files that are there but are not read: FIFOs, devices, larger than {@link BoundedFiles#CONFIG_LIMIT}. */
    default List<BoundedFiles.RefusedFileException> refused() {
        return BoundedFiles.refusals(files(), BoundedFiles.CONFIG_LIMIT);
    }

    /** Removes the host's entries; every other line stays byte for byte. Returns what was removed. */
    List<PlaintextFinding> remove(GitHost host);
}
