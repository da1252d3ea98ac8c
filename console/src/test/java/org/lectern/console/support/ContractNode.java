package org.lectern.console.support;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.NodeState;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.cluster.ReplicaCounts;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandOutcome;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.operations.OperatorSignatures;
import org.lectern.shared.operations.SignedValue;
import org.lectern.shared.scheduling.SchedulerOwnership;

/**
 * A real Hazelcast member that plays a Lectern node's part of the cluster contract: publishes its
 * {@link NodeStatus} (with real replica counts of the live-submissions map), owns or hands over the scheduler, and
 * answers signed operator commands as a node would (verify, ACCEPTED, act, COMPLETED — or REJECTED), showing each
 * command's latest audit line in the cluster.
 */
public final class ContractNode implements AutoCloseable {

    private static final long DRAIN_MILLIS = 1_500;

    private final String nodeId;
    private final byte[] credential;
    private final HazelcastInstance member;
    private final ScheduledExecutorService work = Executors.newSingleThreadScheduledExecutor();
    private final List<OperatorCommand> received = new CopyOnWriteArrayList<>();
    private final long startedAt = System.currentTimeMillis();
    private volatile NodeState state = NodeState.READY;
    private volatile int weight = 100;
    private volatile NodeLoad load;

    public ContractNode(String clusterName, String nodeId, int port, int joinPort, String credential, NodeLoad load) {
        this.nodeId = nodeId;
        this.credential = OperatorSignatures.credentialFromText(credential);
        this.load = load;
        this.member = Hazelcast.newHazelcastInstance(config(clusterName, port, joinPort));
        IMap<String, OperatorCommand> commands = member.getMap(ClusterStructures.OPERATOR_COMMANDS);
        commands.addEntryListener((EntryAddedListener<String, OperatorCommand>) event -> {
            OperatorCommand command = event.getValue();
            if (command.targetNodeId().equals(nodeId) || command.targetNodeId().equals(OperatorCommand.ALL_NODES)) {
                work.execute(() -> handle(command));
            }
        }, true);
        publish();
        work.scheduleAtFixedRate(this::publish, 300, 300, TimeUnit.MILLISECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    public HazelcastInstance member() {
        return member;
    }

    /** The commands addressed to this node, as they arrived. */
    public List<OperatorCommand> received() {
        return List.copyOf(received);
    }

    public NodeState state() {
        return state;
    }

    /** Takes the scheduler under the next epoch, as the node that wins ownership does. */
    public void takeScheduler() {
        IMap<String, SchedulerOwnership> owner = member.getMap(ClusterStructures.SCHEDULER_OWNER);
        SchedulerOwnership previous = owner.get(ClusterStructures.SCHEDULER_OWNER_KEY);
        long epoch = previous == null ? 1 : previous.epoch() + 1;
        SchedulerOwnership next = new SchedulerOwnership(nodeId, memberUuid(), epoch, System.currentTimeMillis());
        owner.set(ClusterStructures.SCHEDULER_OWNER_KEY, next);
        member.<Long, SchedulerOwnership>getMap(ClusterStructures.SCHEDULER_HISTORY).set(epoch, next);
        if (previous != null) {
            event(ClusterEventKind.SCHEDULER_HANDOVER, EventSeverity.INFO,
                    "Scheduler moved from " + previous.ownerNodeId() + " to " + nodeId + " (epoch " + epoch + ")");
        }
        publish();
    }

    /** Dies without a word, as a crashed node does. */
    public void kill() {
        work.shutdownNow();
        member.getLifecycleService().terminate();
    }

    @Override
    public void close() {
        work.shutdownNow();
        if (member.getLifecycleService().isRunning()) {
            member.getMap(ClusterStructures.NODE_STATUS).delete(nodeId);
            member.shutdown();
        }
    }

    private void handle(OperatorCommand command) {
        received.add(command);
        if (!OperatorSignatures.verify(command, credential)) {
            answer(command, CommandOutcome.REJECTED, "signature does not verify");
            return;
        }
        answer(command, CommandOutcome.ACCEPTED, "accepted");
        switch (command.kind()) {
            case SET_WEIGHT -> {
                weight = Integer.parseInt(command.argument());
                publish();
                answer(command, CommandOutcome.COMPLETED, "weight is " + weight);
            }
            case DRAIN -> {
                moveTo(NodeState.DRAINING);
                handOverScheduler();
                work.schedule(() -> {
                    load = NodeLoad.IDLE;
                    moveTo(NodeState.DRAINED);
                    answer(command, CommandOutcome.COMPLETED, "drained");
                }, DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            }
            case UNDRAIN -> {
                moveTo(NodeState.READY);
                answer(command, CommandOutcome.COMPLETED, "ready");
            }
            case STOP -> {
                answer(command, CommandOutcome.COMPLETED, "stopping");
                moveTo(NodeState.STOPPING);
                work.execute(this::close);
            }
            case SET_SETTING -> {
                String[] keyValue = command.argument().split("=", 2);
                member.<String, SignedValue>getMap(ClusterStructures.CLUSTER_SETTINGS).set(keyValue[0],
                        OperatorSignatures.signValue(ClusterStructures.CLUSTER_SETTINGS, keyValue[0], keyValue[1],
                                System.currentTimeMillis(), credential));
                answer(command, CommandOutcome.COMPLETED, "set");
            }
        }
    }

    private void handOverScheduler() {
        IMap<String, SchedulerOwnership> owner = member.getMap(ClusterStructures.SCHEDULER_OWNER);
        SchedulerOwnership current = owner.get(ClusterStructures.SCHEDULER_OWNER_KEY);
        if (current == null || !current.ownerNodeId().equals(nodeId)) {
            return;
        }
        IMap<String, NodeStatus> statuses = member.getMap(ClusterStructures.NODE_STATUS);
        statuses.values().stream()
                .filter(other -> !other.nodeId().equals(nodeId) && other.state().mayOwnWork())
                .findFirst()
                .ifPresent(successor -> {
                    long epoch = current.epoch() + 1;
                    SchedulerOwnership next = new SchedulerOwnership(successor.nodeId(), successor.memberUuid(), epoch,
                            System.currentTimeMillis());
                    owner.set(ClusterStructures.SCHEDULER_OWNER_KEY, next);
                    member.<Long, SchedulerOwnership>getMap(ClusterStructures.SCHEDULER_HISTORY).set(epoch, next);
                    event(ClusterEventKind.SCHEDULER_HANDOVER, EventSeverity.INFO,
                            "Scheduler moved from " + nodeId + " to " + successor.nodeId() + " (epoch " + epoch + ")");
                });
    }

    private void moveTo(NodeState next) {
        NodeState before = state;
        state = next;
        publish();
        event(ClusterEventKind.NODE_STATE_CHANGED, EventSeverity.INFO, nodeId + ": " + before + " → " + next);
    }

    /** Answers and, as a node does, shows the command's latest audit line in the cluster. */
    private void answer(OperatorCommand command, CommandOutcome outcome, String message) {
        long now = System.currentTimeMillis();
        member.<String, CommandResult>getMap(ClusterStructures.COMMAND_RESULTS).set(command.commandId(),
                new CommandResult(command.commandId(), nodeId, outcome, message, now));
        member.<String, AuditEntry>getMap(ClusterStructures.AUDIT_LOG).set(command.commandId(), new AuditEntry(
                command.commandId(), now, command.operator(), command.kind(), command.targetNodeId(),
                command.argument(), outcome, nodeId, message));
    }

    private void event(ClusterEventKind kind, EventSeverity severity, String message) {
        member.<ClusterEvent>getReliableTopic(ClusterStructures.EVENTS).publish(new ClusterEvent(
                UUID.randomUUID().toString(), System.currentTimeMillis(), kind, severity, nodeId, message));
    }

    private synchronized void publish() {
        if (!member.getLifecycleService().isRunning() || state == NodeState.STOPPING) {
            return;
        }
        IMap<String, SchedulerOwnership> owner = member.getMap(ClusterStructures.SCHEDULER_OWNER);
        SchedulerOwnership current = owner.get(ClusterStructures.SCHEDULER_OWNER_KEY);
        var stats = member.getMap(ClusterStructures.LIVE_SUBMISSIONS).getLocalMapStats();
        ReplicaCounts replicas = new ReplicaCounts(stats.getOwnedEntryCount(), stats.getBackupEntryCount(),
                member.getPartitionService().isLocalMemberSafe());
        String httpPort = Integer.toString(member.getCluster().getLocalMember().getAddress().getPort() + 1000);
        member.getMap(ClusterStructures.NODE_STATUS).set(nodeId, new NodeStatus(nodeId, memberUuid(),
                "127.0.0.1:" + httpPort, "1.4.0", "2", startedAt, weight, state, System.currentTimeMillis(), true,
                current != null && current.ownerNodeId().equals(nodeId), load, replicas));
    }

    private String memberUuid() {
        return member.getCluster().getLocalMember().getUuid().toString();
    }

    private static Config config(String clusterName, int port, int joinPort) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1:" + joinPort);
        config.getMapConfig(ClusterStructures.LIVE_SUBMISSIONS).setBackupCount(1);
        return config;
    }
}
