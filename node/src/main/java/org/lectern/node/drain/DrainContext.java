package org.lectern.node.drain;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** What a {@link DrainStep} may use while it runs: progress reports and waiting that an undrain interrupts. */
public final class DrainContext {

    private static final long POLL_MILLIS = 100;

    private final Consumer<String> progress;
    private final Clock clock;

    DrainContext(Consumer<String> progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** Shows how far the step got in the drain command's answer. */
    public void progress(String message) {
        progress.accept(message);
    }

    /**
     * Waits until {@code condition} holds or {@code deadline} passed.
     *
     * @return whether the condition holds
     * @throws InterruptedException when the drain was cancelled meanwhile
     */
    public boolean awaitUntil(BooleanSupplier condition, Duration deadline) throws InterruptedException {
        long end = clock.millis() + deadline.toMillis();
        while (!condition.getAsBoolean()) {
            if (clock.millis() >= end) {
                return false;
            }
            // Polled: the conditions (sessions left, requests in flight, who owns the scheduler) come from several
            // sources with no common event, and the sleep is where an undrain's interrupt stops the step.
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }
}
