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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.lectern.shared.cluster.ClusterStructures;
import org.lectern.shared.cluster.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the console's Hazelcast client: the only class that sees Hazelcast. Its methods block and belong on a
 * worker thread; listeners hear about changes on Hazelcast's threads.
 */
public final class ClusterConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConnection.class);

    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();

    /** Identifies the current client, so that events of a client being replaced or shut down are ignored. */
    private volatile Object session;
    private volatile HazelcastInstance client;
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;

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
        HazelcastInstance current = client;
        if (current == null || state != ConnectionState.CONNECTED) {
            return ClusterSnapshot.EMPTY;
        }
        Set<String> memberUuids = current.getCluster().getMembers().stream()
                .map(Member::getUuid)
                .map(Object::toString)
                .collect(Collectors.toUnmodifiableSet());
        IMap<String, NodeStatus> statuses = current.getMap(ClusterStructures.NODE_STATUS);
        return new ClusterSnapshot(memberUuids, List.copyOf(statuses.values()));
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
        config.getNetworkConfig().setAddresses(settings.addresses());
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
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                membersChanged(clientSession);
            }
        };
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
}
