package org.lectern.node.balancer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.lectern.node.cluster.NodeLifecycle;
import org.lectern.node.messaging.LocalSessionCounts;
import org.lectern.shared.cluster.NodeState;
import org.springframework.stereotype.Component;

/**
 * The gauges operators watch per node (every meter carries the {@code node} tag): WebSocket sessions and users,
 * the load-balancing weight, and the life-cycle state as one gauge per state that is 1 for the current one.
 * Saves, refused subscriptions and the broker connection have meters of their own where they happen.
 */
@Component
class BalancerMetrics implements MeterBinder {

    static final String SESSIONS = "lectern.websocket.sessions";
    static final String USERS = "lectern.websocket.users";
    static final String WEIGHT = "lectern.node.weight";
    static final String STATE = "lectern.node.state";

    private final LocalSessionCounts sessions;
    private final WeightControl weight;
    private final NodeLifecycle lifecycle;

    BalancerMetrics(LocalSessionCounts sessions, WeightControl weight, NodeLifecycle lifecycle) {
        this.sessions = sessions;
        this.weight = weight;
        this.lifecycle = lifecycle;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(SESSIONS, sessions, LocalSessionCounts::sessionCount)
                .description("Open STOMP-over-WebSocket sessions on this node").register(registry);
        Gauge.builder(USERS, sessions, LocalSessionCounts::userCount)
                .description("Distinct users among this node's WebSocket sessions").register(registry);
        Gauge.builder(WEIGHT, weight, WeightControl::weight)
                .description("This node's load-balancing weight (0 takes no new users)").register(registry);
        for (NodeState state : NodeState.values()) {
            Gauge.builder(STATE, lifecycle, current -> current.state() == state ? 1 : 0)
                    .tag("state", state.name())
                    .description("1 for the node's current life-cycle state, 0 for the others").register(registry);
        }
    }
}
