package org.lectern.console.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/** Runs each piece of work as a {@link Task} on workers owned by the composition root; results arrive on the FX thread. */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final Executor workers;

    public FxBackgroundExecutor(Executor workers) {
        this.workers = workers;
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
        task.setOnFailed(event -> onFailure.accept(task.getException()));
        try {
            workers.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            // Events queued on the FX thread may still ask for work while the window closes.
            onFailure.accept(shuttingDown);
        }
    }
}
