package org.gitlabaccess.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Runs work on daemon worker threads with {@link Task}; callbacks arrive on the FX thread. */
public final class FxBackgroundTasks implements BackgroundTasks {
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "wizard-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> Handle run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable always) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        // A cancelled task can still report its interrupted work as failed afterwards: once cancelled,
        // only "always" runs, and only once (every handler runs on the FX thread).
        boolean[] ended = {false};
        Runnable end = () -> {
            if (!ended[0]) {
                ended[0] = true;
                always.run();
            }
        };
        task.setOnSucceeded(e -> {
            try {
                if (!task.isCancelled()) {
                    onSuccess.accept(task.getValue());
                }
            } finally {
                end.run();
            }
        });
        task.setOnFailed(e -> {
            try {
                if (!task.isCancelled() && !(task.getException() instanceof CancellationException)) {
                    onFailure.accept(task.getException());
                }
            } finally {
                end.run();
            }
        });
        task.setOnCancelled(e -> end.run());
        workers.submit(task);
        return new Handle() {
            @Override
            public void cancel() {
                task.cancel(true);
            }

            @Override
            public boolean cancelled() {
                return task.isCancelled();
            }
        };
    }

    @Override
    public void onUiThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }
}
