package org.lectern.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The test twin of {@link FxBackgroundExecutor}: runs the work in the caller's thread, at once. */
public final class SynchronousBackgroundExecutor implements BackgroundExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception failure) {
            onFailure.accept(failure);
            return;
        }
        onSuccess.accept(result);
    }
}
