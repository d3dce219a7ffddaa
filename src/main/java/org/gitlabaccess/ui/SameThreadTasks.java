package org.gitlabaccess.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work at once on the calling thread: deterministic view-model tests. */
public final class SameThreadTasks implements BackgroundTasks {
    @Override
    public <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        try {
            onSuccess.accept(work.call());
        } catch (Exception e) {
            onFailure.accept(e);
        }
        return new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    @Override
    public void onUiThread(Runnable update) {
        update.run();
    }
}
