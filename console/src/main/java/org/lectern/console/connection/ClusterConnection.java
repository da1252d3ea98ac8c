package org.lectern.console.connection;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.config.ClientConnectionStrategyConfig.ReconnectMode;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.ListenerConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.core.LifecycleListener;
import com.hazelcast.map.IMap;
import com.hazelcast.partition.Partition;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.hazelcast.topic.ReliableMessageListener;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.lectern.shared.cluster.ClusterEvent;
import org.lectern.shared.cluster.ClusterEventKind;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.EventSeverity;
import org.lectern.shared.cluster.NodeStatus;
import org.lectern.shared.operations.AuditEntry;
import org.lectern.shared.operations.CommandResult;
import org.lectern.shared.operations.OperatorCommand;
import org.lectern.shared.scheduling.ScheduledTaskView;
import org.lectern.shared.scheduling.SchedulerOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the console's Hazelcast client: the only class that sees Hazelcast. Its methods block (each call is bounded
 * by the client's invocation timeout) and belong on a worker thread; listeners hear about changes on Hazelcast's
 * threads.
 */
public final class ClusterConnection implements AutoCloseable {

    /** How long one cluster call may take before it fails; the console retries on its next refresh. */
    static final int INVOCATION_TIMEOUT_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);

    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    /** Member UUID to node id, from the latest snapshot, so a member that leaves is named by its node id. */
    private final Map<String, String> nodeIds = new ConcurrentHashMap<>();

    /** Identifies the current client, so that events of a client being replaced or shut down are ignored. */
    private volatile Object session;
    private volatile HazelcastInstance client;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile Object subscribedSession;

    public void addListener(ClusterListener listener) {
        listeners.add(listener);
    }

    public ConnectionState state() {
        return state;
    }

    /**
     * Replaces any current client with one for {@code settings}. Returns before the cluster is reached: the client
     * keeps trying in the background, and the listeners hear when it gets there.
     */
    public synchronized void connect(ConnectionSettings settings) {
        shutDownClient();
        Object newSession = new Object();
        session = newSession;
        changeState(newSession, ConnectionState.CONNECTING);
        LOG.info("Connecting to {}", settings.describe());
        client = HazelcastClient.newHazelcastClient(clientConfig(settings, newSession));
    }

    /**
     * Who is in the cluster and what the nodes published. Empty while not connected, because a disconnected
     * client's member list is stale and its map calls would fail.
     */
    public ClusterSnapshot snapshot() {
        HazelcastInstance current = connected();
        if (current == null) {
            return ClusterSnapshot.EMPTY;
        }
        Set<Member> members = current.getCluster().getMembers();
        Set<String> memberUuids = members.stream()
                .map(Member::getUuid)
                .map(Object::toString)
                .collect(Collectors.toUnmodifiableSet());
        // The member list is in join order: the first one is the oldest, Hazelcast's master.
        String oldest = members.stream().findFirst().map(member -> member.getUuid().toString()).orElse("");
        IMap<String, NodeStatus> statuses = current.getMap(ClusterStructures.NODE_STATUS);
        List<NodeStatus> published = List.copyOf(statuses.values());
        published.forEach(status -> nodeIds.put(status.memberUuid(), status.nodeId()));
        return new ClusterSnapshot(memberUuids, published, oldest);
    }

    /** The scheduler's owner, its history and the task list. */
    public SchedulerSnapshot scheduler() {
        HazelcastInstance current = connected();
        if (current == null) {
            return SchedulerSnapshot.EMPTY;
        }
        IMap<String, SchedulerOwnership> owner = current.getMap(ClusterStructures.SCHEDULER_OWNER);
        IMap<Long, SchedulerOwnership> history = current.getMap(ClusterStructures.SCHEDULER_HISTORY);
        IMap<String, ScheduledTaskView> tasks = current.getMap(ClusterStructures.SCHEDULED_TASKS);
        return new SchedulerSnapshot(Optional.ofNullable(owner.get(ClusterStructures.SCHEDULER_OWNER_KEY)),
                List.copyOf(history.values()), List.copyOf(tasks.values()));
    }

    /**
     * The cluster-wide settings as stored, key to whatever the map holds (signed values, or anything someone wrote):
     * for {@link SignedStateReader}; settings never changed are absent.
     */
    public Map<String, Object> settings() {
        return rawMap(ClusterStructures.CLUSTER_SETTINGS);
    }

    /** What the nodes publish for consoles, such as the broker's JMX address (unchecked). */
    public Map<String, Object> publishedConfig() {
        return rawMap(ClusterStructures.PUBLISHED_CONFIG);
    }

    /** How the live-submissions map's partitions are spread over the members, as the client sees them. */
    public PartitionSnapshot livePartitions() {
        HazelcastInstance current = connected();
        if (current == null) {
            return PartitionSnapshot.EMPTY;
        }
        Set<Partition> partitions = current.getPartitionService().getPartitions();
        Map<String, Integer> byOwner = new HashMap<>();
        int unowned = 0;
        for (Partition partition : partitions) {
            Member owner = partition.getOwner();
            if (owner == null) {
                unowned++;
            } else {
                byOwner.merge(owner.getUuid().toString(), 1, Integer::sum);
            }
        }
        long entries = current.getMap(ClusterStructures.LIVE_SUBMISSIONS).size();
        return new PartitionSnapshot(entries, partitions.size(), byOwner, unowned);
    }

    /** The audit lines the nodes show in the cluster: the last week's (the database keeps every line). */
    public List<AuditEntry> auditLog() {
        HazelcastInstance current = connected();
        if (current == null) {
            return List.of();
        }
        IMap<String, AuditEntry> audit = current.getMap(ClusterStructures.AUDIT_LOG);
        return List.copyOf(audit.values());
    }

    /** Hands a signed command to the nodes. */
    public void submit(OperatorCommand command) {
        HazelcastInstance current = requireConnected();
        current.<String, OperatorCommand>getMap(ClusterStructures.OPERATOR_COMMANDS).set(command.commandId(), command);
    }

    /** The nodes' latest answers to these commands; commands not answered yet are absent. */
    public Map<String, CommandResult> results(Collection<String> commandIds) {
        HazelcastInstance current = connected();
        if (current == null || commandIds.isEmpty()) {
            return Map.of();
        }
        IMap<String, CommandResult> results = current.getMap(ClusterStructures.COMMAND_RESULTS);
        return Map.copyOf(results.getAll(Set.copyOf(commandIds)));
    }

    /**
     * Starts listening to the events topic once per client; asked for after every connect, from a worker, because
     * creating the topic's proxy is a cluster call that must not run on Hazelcast's event thread.
     */
    public void subscribeToEvents() {
        Object current = session;
        HazelcastInstance instance = connected();
        if (instance == null || subscribedSession == current) {
            return;
        }
        ITopic<ClusterEvent> events = instance.getReliableTopic(ClusterStructures.EVENTS);
        events.addMessageListener(new EventRelay(current));
        subscribedSession = current;
    }

    @Override
    public synchronized void close() {
        Object closing = session;
        shutDownClient();
        if (closing != null) {
            state = ConnectionState.DISCONNECTED;
            listeners.forEach(listener -> listener.stateChanged(ConnectionState.DISCONNECTED));
        }
    }

    /**
     * Shuts the client down on {@code executor} and returns at once, so that closing the window never waits for
     * the cluster on the FX thread. A graceful shutdown that takes longer than {@code patience} (members that no
     * longer answer) is cut short: the client is terminated.
     *
     * @return completes when the client is down, gracefully or not
     */
    public CompletableFuture<Void> closeInBackground(Executor executor, Duration patience) {
        HazelcastInstance closing = client;
        return CompletableFuture.runAsync(this::close, executor)
                .orTimeout(patience.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(slow -> {
                    LOG.warn("The cluster client did not shut down within {}; terminating it", patience);
                    if (closing != null) {
                        closing.getLifecycleService().terminate();
                    }
                    return null;
                });
    }

    private Map<String, Object> rawMap(String name) {
        HazelcastInstance current = connected();
        if (current == null) {
            return Map.of();
        }
        IMap<String, Object> map = current.getMap(name);
        return Map.copyOf(map.getAll(map.keySet()));
    }

    private HazelcastInstance connected() {
        HazelcastInstance current = client;
        return current == null || state != ConnectionState.CONNECTED ? null : current;
    }

    private HazelcastInstance requireConnected() {
        HazelcastInstance current = connected();
        if (current == null) {
            throw new IllegalStateException("Not connected to a cluster");
        }
        return current;
    }

    private void shutDownClient() {
        HazelcastInstance previous = client;
        session = null;
        client = null;
        if (previous != null) {
            previous.shutdown();
        }
    }

    private ClientConfig clientConfig(ConnectionSettings settings, Object clientSession) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(settings.clusterName());
        config.getNetworkConfig().setAddresses(settings.addresses()).setConnectionTimeout(5_000);
        // Start without waiting for the cluster and never give up on it: the console is a window the operator
        // leaves open while nodes come and go.
        config.getConnectionStrategyConfig()
                .setAsyncStart(true)
                .setReconnectMode(ReconnectMode.ASYNC)
                .getConnectionRetryConfig()
                .setInitialBackoffMillis(500)
                .setMaxBackoffMillis(5_000)
                .setMultiplier(2)
                .setClusterConnectTimeoutMillis(-1);
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.client.invocation.timeout.seconds", Integer.toString(INVOCATION_TIMEOUT_SECONDS));
        // Registered through the configuration so that no event is lost before newHazelcastClient returns.
        config.addListenerConfig(new ListenerConfig(lifecycleListener(clientSession)));
        config.addListenerConfig(new ListenerConfig(membershipListener(clientSession)));
        return config;
    }

    private LifecycleListener lifecycleListener(Object clientSession) {
        return (LifecycleEvent event) -> {
            switch (event.getState()) {
                case CLIENT_CONNECTED -> changeState(clientSession, ConnectionState.CONNECTED);
                case CLIENT_DISCONNECTED -> changeState(clientSession, ConnectionState.RECONNECTING);
                case CLIENT_CHANGED_CLUSTER -> membersChanged(clientSession);
                case SHUTDOWN -> changeState(clientSession, ConnectionState.DISCONNECTED);
                default -> {
                    // Starting and shutting down are covered by the states around them.
                }
            }
        };
    }

    private MembershipListener membershipListener(Object clientSession) {
        return new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                membersChanged(clientSession);
                seen(clientSession, event, ClusterEventKind.MEMBER_JOINED, EventSeverity.INFO, "joined the cluster");
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                membersChanged(clientSession);
                seen(clientSession, event, ClusterEventKind.MEMBER_LEFT, EventSeverity.WARNING, "left the cluster");
            }
        };
    }

    private void seen(Object clientSession, MembershipEvent event, ClusterEventKind kind, EventSeverity severity,
            String what) {
        if (clientSession != session) {
            return;
        }
        Member member = event.getMember();
        String address = member.getAddress().getHost() + ":" + member.getAddress().getPort();
        String nodeId = nodeIds.getOrDefault(member.getUuid().toString(), address);
        ClusterEvent seen = new ClusterEvent(UUID.randomUUID().toString(), System.currentTimeMillis(), kind, severity,
                nodeId, "Member " + nodeId + " (" + address + ") " + what + " (seen by the console)");
        listeners.forEach(listener -> listener.eventReceived(seen));
    }

    private void changeState(Object clientSession, ConnectionState newState) {
        if (clientSession == session) {
            state = newState;
            listeners.forEach(listener -> listener.stateChanged(newState));
        }
    }

    private void membersChanged(Object clientSession) {
        if (clientSession == session) {
            listeners.forEach(ClusterListener::membersChanged);
        }
    }

    /** Hands the topic's events to the listeners; tolerates lost messages rather than stop listening. */
    private final class EventRelay implements ReliableMessageListener<ClusterEvent> {

        private final Object clientSession;

        EventRelay(Object clientSession) {
            this.clientSession = clientSession;
        }

        @Override
        public void onMessage(Message<ClusterEvent> message) {
            if (clientSession == session) {
                listeners.forEach(listener -> listener.eventReceived(message.getMessageObject()));
            }
        }

        @Override
        public long retrieveInitialSequence() {
            // -1: only what is published from now on; the timeline starts when the console connects.
            return -1;
        }

        @Override
        public void storeSequence(long sequence) {
        }

        @Override
        public boolean isLossTolerant() {
            return true;
        }

        @Override
        public boolean isTerminal(Throwable failure) {
            return false;
        }
    }
}
