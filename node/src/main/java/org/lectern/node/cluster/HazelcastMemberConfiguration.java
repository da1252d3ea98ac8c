package org.lectern.node.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.util.ConcurrencyUtil;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import org.flywaydb.core.Flyway;
import org.lectern.shared.cluster.ClusterStructures;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The node's embedded Hazelcast member. Built here rather than by Spring Boot's auto-configuration so that the
 * member is configured in one place from {@link ClusterProperties}, and its shutdown is Spring's, not a JVM hook's.
 */
@Configuration(proxyBeanMethods = false)
class HazelcastMemberConfiguration {

    /**
     * Where Hazelcast runs the callbacks of its futures (the flusher's marks, the replay log's appends): its default
     * is ForkJoinPool's common pool, but where that pool has a single thread (two cores or fewer) it starts a new
     * thread per callback instead — 2,858 threads in 130 s on one node of the local cluster during a quiz. Two
     * threads, for the whole JVM as Hazelcast's default is: the callbacks only hand work on (the broker sends have
     * their own threads, {@code ReliableMessaging}). Hazelcast offers no public setting for it, hence its internal
     * {@link ConcurrencyUtil}.
     */
    private static final Executor CALLBACKS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "hazelcast-callbacks");
        thread.setDaemon(true);
        return thread;
    });

    @Bean(destroyMethod = "shutdown")
    HazelcastInstance hazelcastInstance(ClusterProperties cluster, NodeProperties node,
            MembershipProperties membership, LiveSubmissionMapProperties liveMap, SchemaVersion schema) {
        if (ForkJoinPool.getCommonPoolParallelism() <= 1) {
            ConcurrencyUtil.setDefaultAsyncExecutor(CALLBACKS);
        }
        Config config = memberConfig(cluster, node);
        config.getMapConfig(ClusterStructures.LIVE_SUBMISSIONS).setBackupCount(liveMap.backupCount());
        // After memberConfig, so that it adds to the maps configured there rather than replacing them.
        ClusterMembership.configure(config, cluster, membership, node.id(), schema.current());
        HazelcastInstance member = Hazelcast.newHazelcastInstance(config);
        ClusterMembership.requireCompatible(member, cluster.name(), node.id(), schema.current());
        return member;
    }

    /**
     * Flyway migrates only once the member has joined and found its schema version to be the cluster's: a node
     * of a newer version must not migrate the database under the running nodes of an older one before it
     * refuses to join.
     */
    @Bean
    FlywayMigrationStrategy migrateOnceJoined(HazelcastInstance member) {
        return Flyway::migrate;
    }

    static Config memberConfig(ClusterProperties cluster, NodeProperties node) {
        Config config = new Config();
        config.setClusterName(cluster.name());
        // Unique in the JVM even when tests run several nodes in one.
        config.setInstanceName("lectern-" + node.id() + "-" + cluster.bindInterface() + ":" + cluster.port());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        // Spring stops the member after the beans that use it; a JVM hook would race them.
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");

        NetworkConfig network = config.getNetworkConfig();
        network.setPort(cluster.port()).setPortAutoIncrement(false);
        network.setPublicAddress(cluster.bindInterface() + ":" + cluster.port());
        network.getInterfaces().setEnabled(true).addInterface(cluster.bindInterface());
        cluster.outboundPorts().forEach(network::addOutboundPortDefinition);

        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());

        // Said explicitly although it is the default: a replay log must survive the death of the member holding
        // it, so every append waits for its backup. Kept as objects: an append (an entry processor, replayed on the
        // backup) would otherwise read and write the whole log of up to max-messages messages on both members
        // (docs/decisions.md).
        config.addMapConfig(new MapConfig(HazelcastReplayLog.MAP_NAME).setBackupCount(1).setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT));
        addLiveSubmissionMaps(config);
        addLastKnownRecordMaps(config);
        // Exam save counts: a backup, so a member's death loses none; gone once no figure shows them.
        config.addMapConfig(new MapConfig(HazelcastExamSaveCounts.MAP_NAME).setBackupCount(1)
                .setTimeToLiveSeconds(HazelcastExamSaveCounts.TIME_TO_LIVE_SECONDS));
        ClusterSerializers.register(config.getSerializationConfig());
        return config;
    }

    /**
     * What live saves answer from while the database is away: one synchronous backup, like the saves themselves,
     * so a member's death does not turn the survivors' saves into refusals. Records not read or written for a day
     * belong to quizzes and exams long over and go.
     */
    private static void addLastKnownRecordMaps(Config config) {
        config.addMapConfig(new MapConfig(LastKnownRecords.ALL)
                .setBackupCount(1)
                .setAsyncBackupCount(0)
                .setMaxIdleSeconds(LAST_KNOWN_MAX_IDLE_SECONDS));
    }

    private static final int LAST_KNOWN_MAX_IDLE_SECONDS = 24 * 60 * 60;

    /**
     * Live submissions: a save is acknowledged only once a second member holds it (one synchronous backup by
     * default, {@code lectern.live-submissions.backup-count} sets more: every backup is another network round trip
     * per save). Kept as objects, so the flusher's queries on
     * pending counts read no serialised form. No MapStore: our own flusher writes to the database
     * (docs/cluster-live-submissions.md). After a split, both sides' saves are kept.
     */
    private static void addLiveSubmissionMaps(Config config) {
        MapConfig live = new MapConfig(ClusterStructures.LIVE_SUBMISSIONS)
                .setBackupCount(1)
                .setAsyncBackupCount(0)
                .setInMemoryFormat(InMemoryFormat.OBJECT);
        live.getMergePolicyConfig().setPolicy(LiveSubmissionsMergePolicy.class.getName());
        config.addMapConfig(live);
    }
}
