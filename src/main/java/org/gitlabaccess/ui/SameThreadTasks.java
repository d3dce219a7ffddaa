package org.gitlabaccess.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: deterministic view-model tests. */
public final class SameThreadTasks implements BackgroundTasks {
    @Override
    public <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable always) {
        try {
            T result;
            try {
                result = work.call();
            } catch (CancellationException e) {
                return handle(true);
            } catch (Exception e) {
                onFailure.accept(e);
                return handle(false);
            }
            onSuccess.accept(result);
            return handle(false);
        } finally {
            always.run();
        }
    }

    /** The work has ended before the caller gets this: cancelling it changes nothing. */
    private static Handle handle(boolean cancelled) {
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }
        };
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
