package org.gitlabaccess.core.credentials;

import java.util.List;
import org.gitlabaccess.core.io.BoundedFiles;

/** A plain-text file of secrets for hosts (git's store helper, ~/.netrc): what it holds for a host, and removing it. */
public interface PlaintextStore {
    List<PlaintextFinding> find(GitHost host);

    /** The files that are there but are not read: FIFOs, devices, too large. */
    List<BoundedFiles.RefusedFileException> refused();

    /** Removes the host's entries; every other line stays byte for byte. Returns what was removed. */
    List<PlaintextFinding> remove(GitHost host);
}
