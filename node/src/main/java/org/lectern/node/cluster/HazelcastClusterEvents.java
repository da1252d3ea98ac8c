package org.lectern.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.topic.ITopic;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The timeline as a reliable topic, which keeps recent events for a console that subscribes late or reconnects.
 * Besides what features publish, it reports what the infrastructure sees: members joining and leaving (said by the
 * oldest member only, so each appears once), this node's state changes, and a split brain healing (said by the
 * members that merge into the larger side).
 */
@Component
class HazelcastClusterEvents implements ClusterEvents {

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastClusterEvents.class);

    private final ITopic<ClusterEvent> topic;
    private final NodeProperties node;
    private final NodeStatusBoard board;
    private final Clock clock;
    /** One thread, so events leave in the order they happened and no caller waits for the cluster. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-events");
        thread.setDaemon(true);
        return thread;
    });

    HazelcastClusterEvents(HazelcastInstance hazelcast, NodeProperties node, NodeStatusBoard board,
            NodeLifecycle lifecycle, Clock clock) {
        this.topic = hazelcast.getReliableTopic(ClusterStructures.EVENTS);
        this.node = node;
        this.board = board;
        this.clock = clock;
        hazelcast.getCluster().addMembershipListener(new Membership());
        hazelcast.getLifecycleService().addLifecycleListener(this::lifecycleChanged);
        lifecycle.onChange(this::stateChanged);
    }

    @Override
    public void publish(ClusterEventKind kind, EventSeverity severity, String message) {
        ClusterEvent event = new ClusterEvent(UUID.randomUUID().toString(), clock.millis(), kind, severity, node.id(),
                message);
        try {
            sender.execute(() -> send(event));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not published while stopping: {}", event);
        }
    }

    private void send(ClusterEvent event) {
        try {
            topic.publish(event);
        } catch (RuntimeException e) {
            LOG.warn("Could not publish the cluster event {}: {}", event, e.toString());
        }
    }

    private void stateChanged(NodeState from, NodeState to) {
        EventSeverity severity = to == NodeState.READY || to == NodeState.STARTING ? EventSeverity.INFO
                : EventSeverity.WARNING;
        publish(ClusterEventKind.NODE_STATE_CHANGED, severity, "Node " + node.id() + " went from " + from + " to " + to);
    }

    private void lifecycleChanged(LifecycleEvent event) {
        switch (event.getState()) {
            case MERGING -> publish(ClusterEventKind.SPLIT_BRAIN_SUSPECTED, EventSeverity.CRITICAL, "Node " + node.id()
                    + " found another cluster of the same name and is merging into it: the cluster was split");
            case MERGED -> publish(ClusterEventKind.CLUSTER_MERGED, EventSeverity.WARNING,
                    "Node " + node.id() + " merged into the larger cluster; the split is healed");
            default -> {
                // other life-cycle states are this node's own start and stop, reported as node states
            }
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    private final class Membership implements MembershipListener {

        @Override
        public void memberAdded(MembershipEvent event) {
            if (oldestAfter(event)) {
                publish(ClusterEventKind.MEMBER_JOINED, EventSeverity.INFO, "Member " + describe(event.getMember())
                        + " joined; the cluster has " + event.getMembers().size() + " members");
            }
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            if (oldestAfter(event)) {
                publish(ClusterEventKind.MEMBER_LEFT, EventSeverity.WARNING, "Member " + describe(event.getMember())
                        + " left; the cluster has " + event.getMembers().size() + " members");
            }
        }

        private boolean oldestAfter(MembershipEvent event) {
            return !event.getMembers().isEmpty() && event.getMembers().iterator().next().localMember();
        }

        /** Its node id when its status is (still) on the board, and its address in any case. */
        private String describe(Member member) {
            String uuid = member.getUuid().toString();
            String address = member.getAddress().getHost() + ":" + member.getAddress().getPort();
            return board.all().stream()
                    .filter(status -> uuid.equals(status.memberUuid()))
                    .map(NodeStatus::nodeId)
                    .findFirst()
                    .map(id -> id + " (" + address + ")")
                    .orElse(address);
        }
    }
}
