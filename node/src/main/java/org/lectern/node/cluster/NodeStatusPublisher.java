package org.lectern.node.cluster;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.lectern.node.balancer.WeightControl;
import org.lectern.node.messaging.BrokerConnection;
import org.flywaydb.core.Flyway;
import org.lectern.shared.cluster.NodeLoad;
import org.lectern.shared.cluster.ReplicaCounts;
import org.lectern.shared.cluster.NodeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes this node's {@link NodeStatus} every {@code lectern.cluster.status-interval}, so consoles and the
 * other nodes see it. A record lives for three intervals: a node that dies silently drops off the board by itself.
 * Runs on a thread of its own, shared with nothing that waits for the database (the submission flusher and the
 * scheduler have theirs): a hung database must never make a live node look gone. Started first and stopped last
 * of the node's parts, so the record keeps coming through a drain and a shutdown.
 */
@Component
class NodeStatusPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeStatusPublisher.class);
    private static final int MISSED_INTERVALS_BEFORE_EXPIRY = 3;

    private final NodeStatusBoard board;
    private final NodeProperties node;
    private final ClusterProperties cluster;
    private final NodeLifecycle lifecycle;
    private final WeightControl weight;
    private final ObjectProvider<StatusSources.Load> load;
    private final ObjectProvider<StatusSources.Replicas> replicas;
    private final ObjectProvider<StatusSources.SchedulerOwner> schedulerOwner;
    private final ObjectProvider<StatusSources.FlushLag> flushLag;
    private final BrokerConnection broker;
    private final Clock clock;
    private final String version;
    private final String schemaVersion;
    private final long startedAtMillis;
    private final AtomicReference<String> httpAddress = new AtomicReference<>();
    private volatile ScheduledExecutorService executor;

    NodeStatusPublisher(NodeStatusBoard board, NodeProperties node, ClusterProperties cluster,
            NodeLifecycle lifecycle, WeightControl weight, BrokerConnection broker, ObjectProvider<BuildProperties> buildProperties,
            ObjectProvider<Flyway> flyway, ObjectProvider<StatusSources.Load> load,
            ObjectProvider<StatusSources.Replicas> replicas, ObjectProvider<StatusSources.SchedulerOwner> schedulerOwner,
            ObjectProvider<StatusSources.FlushLag> flushLag, Clock clock) {
        this.board = board;
        this.node = node;
        this.cluster = cluster;
        this.lifecycle = lifecycle;
        this.weight = weight;
        this.load = load;
        this.replicas = replicas;
        this.schedulerOwner = schedulerOwner;
        this.flushLag = flushLag;
        this.broker = broker;
        this.clock = clock;
        BuildProperties build = buildProperties.getIfAvailable();
        this.version = build == null ? "development" : build.getVersion();
        this.schemaVersion = schemaVersion(flyway.getIfAvailable());
        this.startedAtMillis = clock.millis();
    }

    @EventListener
    void onWebServerStarted(WebServerInitializedEvent event) {
        announceHttpAddress(cluster.bindInterface() + ":" + event.getWebServer().getPort());
    }

    void announceHttpAddress(String address) {
        httpAddress.set(address);
        publish();
    }

    @Override
    public void start() {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "lectern-status-" + node.id());
            t.setDaemon(true);
            return t;
        });
        executor = thread;
        long interval = cluster.statusInterval().toMillis();
        thread.scheduleWithFixedDelay(this::publish, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService thread = executor;
        executor = null;
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** As the balancer's health check: the last part to stop, so that the node is seen for as long as it serves. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1;
    }

    /** Publishes now; never throws, so that the periodic publishing goes on whatever one round met. */
    void publish() {
        String address = httpAddress.get();
        if (address == null) {
            return; // nothing useful to say before the node serves HTTP
        }
        try {
            board.publish(currentStatus(address), timeToLive());
        } catch (RuntimeException e) {
            // The next interval tries again; a node must keep serving while the cluster is unreachable.
            log.warn("Could not publish the status of node {}: {}", node.id(), e.toString());
        }
    }

    private NodeStatus currentStatus(String address) {
        return new NodeStatus(node.id(), board.localMemberId(), address, version, schemaVersion, startedAtMillis,
                weight.weight(), lifecycle.state(), clock.millis(), broker.isConnected(),
                schedulerOwner.getIfAvailable(() -> () -> false).isLocalOwner(),
                load.getIfAvailable(() -> () -> NodeLoad.IDLE).current(),
                replicas.getIfAvailable(() -> () -> ReplicaCounts.UNKNOWN).current(),
                flushLag.getIfAvailable(() -> () -> Duration.ZERO).current().toMillis());
    }

    /** The latest migration this node's build applies: what it needs the database to be. */
    private static String schemaVersion(Flyway flyway) {
        return SchemaVersion.latest(flyway);
    }

    private Duration timeToLive() {
        return cluster.statusInterval().multipliedBy(MISSED_INTERVALS_BEFORE_EXPIRY);
    }

    @PreDestroy
    void withdraw() {
        try {
            board.withdraw(node.id());
        } catch (RuntimeException e) {
            log.warn("Could not withdraw the status of node {}; it expires by itself: {}", node.id(), e.toString());
        }
    }
}
