package org.lectern.console.connection;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.shared.cluster.ClusterEvent;

/**
 * The one adapter that moves {@link ClusterConnection}'s callbacks onto the FX thread.
 *
 * <p>Events that arrive while an earlier one still waits for the FX thread are folded into it, so a burst of
 * Hazelcast events costs at most one UI update per kind and pulse; only the latest state matters. Timeline events
 * are all delivered, in order, in one pass per pulse.
 */
public final class FxThreadClusterListener implements ClusterListener {

    private final ClusterListener delegate;
    private final Executor fxThread;
    private final AtomicReference<ConnectionState> pendingState = new AtomicReference<>();
    private final AtomicBoolean membersPending = new AtomicBoolean();
    private final ConcurrentLinkedQueue<ClusterEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean eventsPending = new AtomicBoolean();

    /**
     * @param delegate receives the events on the FX thread
     * @param fxThread runs work on the FX thread, {@code Platform::runLater} in the application
     */
    public FxThreadClusterListener(ClusterListener delegate, Executor fxThread) {
        this.delegate = delegate;
        this.fxThread = fxThread;
    }

    @Override
    public void stateChanged(ConnectionState state) {
        if (pendingState.getAndSet(state) == null) {
            fxThread.execute(() -> delegate.stateChanged(pendingState.getAndSet(null)));
        }
    }

    @Override
    public void membersChanged() {
        if (membersPending.compareAndSet(false, true)) {
            fxThread.execute(() -> {
                membersPending.set(false);
                delegate.membersChanged();
            });
        }
    }

    @Override
    public void eventReceived(ClusterEvent event) {
        events.add(event);
        if (eventsPending.compareAndSet(false, true)) {
            fxThread.execute(() -> {
                eventsPending.set(false);
                ClusterEvent next;
                while ((next = events.poll()) != null) {
                    delegate.eventReceived(next);
                }
            });
        }
    }
}
