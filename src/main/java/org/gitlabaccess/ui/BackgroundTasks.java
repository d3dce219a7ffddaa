package org.gitlabaccess.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
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

    default <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(work, onSuccess, onFailure, () -> { });
    }

    /**
     * As the three-argument form, and then {@code always} on the UI thread however the work ended:
     * after {@code onSuccess}, after {@code onFailure}, or alone when it was cancelled (by the
     * handle, or by the work throwing {@link CancellationException}, which is no failure).
     */
    <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable always);

    /** Runs a UI update on the UI thread (immediately in tests). */
    void onUiThread(Runnable update);
}
