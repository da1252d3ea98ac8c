package org.lectern.console.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way to leave the FX thread: runs blocking work elsewhere and hands the outcome back on the FX thread.
 * Tests use a synchronous twin, so view-models that depend on this are testable without a toolkit.
 */
public interface BackgroundExecutor {

    <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
