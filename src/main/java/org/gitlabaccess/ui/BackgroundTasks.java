package org.gitlabaccess.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where network, disk and crypto work runs: off the JavaFX thread, with results delivered back on
 * it. The FX implementation uses a worker thread; tests use {@link SameThreadTasks} for determinism.
 */
public interface BackgroundTasks {
    /** A running task that can be cancelled. */
    interface Handle {
        void cancel();

        boolean cancelled();
    }

    <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a UI update on the UI thread (immediately in tests). */
    void onUiThread(Runnable update);
}
