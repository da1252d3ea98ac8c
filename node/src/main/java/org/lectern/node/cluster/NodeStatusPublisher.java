package org.lectern.node.cluster;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
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
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes this node's {@link NodeStatus} every {@code lectern.cluster.status-interval}, so consoles and the
 * other nodes see it. A record lives for three intervals: a node that dies silently drops off the board by itself.
 */
@Component
class NodeStatusPublisher {

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
    private final BrokerConnection broker;
    private final Clock clock;
    private final String version;
    private final String schemaVersion;
    private final long startedAtMillis;
    private final AtomicReference<String> httpAddress = new AtomicReference<>();

    NodeStatusPublisher(NodeStatusBoard board, NodeProperties node, ClusterProperties cluster,
            NodeLifecycle lifecycle, WeightControl weight, BrokerConnection broker, ObjectProvider<BuildProperties> buildProperties,
            ObjectProvider<Flyway> flyway, ObjectProvider<StatusSources.Load> load,
            ObjectProvider<StatusSources.Replicas> replicas, ObjectProvider<StatusSources.SchedulerOwner> schedulerOwner,
            Clock clock) {
        this.board = board;
        this.node = node;
        this.cluster = cluster;
        this.lifecycle = lifecycle;
        this.weight = weight;
        this.load = load;
        this.replicas = replicas;
        this.schedulerOwner = schedulerOwner;
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

    @Scheduled(fixedDelayString = "${lectern.cluster.status-interval:2s}")
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
                replicas.getIfAvailable(() -> () -> ReplicaCounts.UNKNOWN).current());
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
