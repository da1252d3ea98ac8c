package org.lectern.node.cluster;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.lectern.shared.cluster.NodeState;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's life-cycle state, the one source the status record, the load-balancer agent, readiness and the
 * scheduler election read. Spring's readiness moves it from STARTING to READY and its shutdown to STOPPING; drain
 * moves it between READY, DRAINING and DRAINED.
 */
@Component
public class NodeLifecycle {

    private final AtomicReference<NodeState> state = new AtomicReference<>(NodeState.STARTING);
    private final List<BiConsumer<NodeState, NodeState>> listeners = new CopyOnWriteArrayList<>();

    public NodeState state() {
        return state.get();
    }

    /**
     * Moves the node to {@code next} unless it is already stopping (nothing brings a stopping node back).
     *
     * @return whether the state changed
     */
    public boolean moveTo(NodeState next) {
        NodeState previous;
        do {
            previous = state.get();
            if (previous == next || previous == NodeState.STOPPING) {
                return false;
            }
        } while (!state.compareAndSet(previous, next));
        NodeState from = previous;
        listeners.forEach(listener -> listener.accept(from, next));
        return true;
    }

    /** Called with (from, to) after every change, on the thread that made it. */
    public void onChange(BiConsumer<NodeState, NodeState> listener) {
        listeners.add(listener);
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && state.get() == NodeState.STARTING) {
            moveTo(NodeState.READY);
        }
    }

    @EventListener
    void onShutdown(ContextClosedEvent event) {
        moveTo(NodeState.STOPPING);
    }
}
