package org.gitlabaccess.cli;

import java.io.PrintWriter;
import org.gitlabaccess.core.repos.ScanListener;
import org.gitlabaccess.core.repos.ScanProgress;

/** A one-line, overwritten progress report on stderr while a scan runs; only on a terminal. */
final class ScanProgressLine implements ScanListener {
    private static final long EVERY_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private long last;
    private boolean shown;

    ScanProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(ScanProgress p) {
        long now = System.nanoTime();
        if (!enabled || p.finished() || now - last < EVERY_NANOS) {
            return;
        }
        last = now;
        shown = true;
        err.print("\rScanning: " + p.directories() + " directories, " + p.repositories() + " repositories");
        err.flush();
    }

    synchronized void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
