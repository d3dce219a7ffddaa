package org.gitlabaccess.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * Work the wizard's first frame need not wait for, kept while that frame is awaited ({@link WizardApp})
 * and run once it is laid out; at any other time (a page made later, a test's window) it runs at once.
 * JavaFX thread only.
 */
final class AfterFirstFrame {
    private static List<Runnable> kept;

    private AfterFirstFrame() {
    }

    /** From now until {@link #runKept()}, {@link #run(Runnable)} keeps its work. */
    static void await() {
        kept = new ArrayList<>();
    }

    /** Runs {@code work} now, or keeps it while the first frame is awaited. */
    static void run(Runnable work) {
        if (kept != null) {
            kept.add(work);
        } else {
            work.run();
        }
    }

    /** The first frame is there: runs the work kept for it, in order. */
    static void runKept() {
        List<Runnable> work = kept;
        kept = null;
        if (work != null) {
            work.forEach(Runnable::run);
        }
    }
}
