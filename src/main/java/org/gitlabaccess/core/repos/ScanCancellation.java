package org.gitlabaccess.core.repos;

/** Lets a user (a Cancel button, Ctrl-C) stop a scan; the scan returns what it found so far. */
public final class ScanCancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
