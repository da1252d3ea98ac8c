package org.lectern.node.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spi.merge.LatestUpdateMergePolicy;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lectern.shared.cluster.ClusterStructures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a member joins, what it tells the others about itself, what protects the shared maps when the network
 * splits the cluster, and how the halves merge again.
 */
final class ClusterMembership {

    /** Member attribute: the database schema version the node needs. */
    static final String SCHEMA_VERSION_ATTRIBUTE = "lectern.schema-version";
    /**
     * Member attribute: the form in which members exchange live saves and replay logs ({@link
     * ClusterSerializers#WIRE_FORMAT}); a member of a build before it was published speaks format 1.
     */
    static final String WIRE_FORMAT_ATTRIBUTE = "lectern.wire-format";
    private static final String FIRST_WIRE_FORMAT = "1";
    /** Member attribute: the node's id, so a console or log can name a member. */
    static final String NODE_ID_ATTRIBUTE = "lectern.node-id";
    static final String MINIMUM_SIZE_PROTECTION = "lectern-minimum-cluster-size";
    static final String LIVE_SUBMISSIONS_PROTECTION = "lectern-live-submissions-minimum-cluster-size";

    /**
     * Maps whose operations must not run on a minority: two halves would each decide (scheduler owner, commands)
     * or each accept writes the other never sees. Node status and events stay available, so a console can see a
     * minority as it is. Live submissions have a protection of their own ({@link #liveSubmissionsMinimumSize}).
     */
    static final List<String> PROTECTED_MAPS = List.of(ClusterStructures.SCHEDULER_OWNER,
            ClusterStructures.SCHEDULER_HISTORY, ClusterStructures.SCHEDULED_TASKS,
            ClusterStructures.NODE_WEIGHTS, ClusterStructures.CLUSTER_SETTINGS, ClusterStructures.OPERATOR_COMMANDS,
            ClusterStructures.COMMAND_RESULTS, ClusterStructures.AUDIT_LOG, ClusterStructures.PUBLISHED_CONFIG);

    /**
     * After a split, per map: the latest write wins where an entry is a current value (a newer status, weight or
     * setting replaces an older one); where entries are records with unique keys (history, commands, results,
     * audit), both halves' entries are kept and a key both have keeps the larger half's. Live submissions are
     * configured with the live-submissions map.
     */
    static final Map<String, String> MERGE_POLICIES = Map.of(
            ClusterStructures.NODE_STATUS, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.NODE_WEIGHTS, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.CLUSTER_SETTINGS, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.SCHEDULER_OWNER, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.SCHEDULED_TASKS, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.PUBLISHED_CONFIG, LatestUpdateMergePolicy.class.getName(),
            ClusterStructures.SCHEDULER_HISTORY, PutIfAbsentMergePolicy.class.getName(),
            ClusterStructures.OPERATOR_COMMANDS, PutIfAbsentMergePolicy.class.getName(),
            ClusterStructures.COMMAND_RESULTS, PutIfAbsentMergePolicy.class.getName(),
            ClusterStructures.AUDIT_LOG, PutIfAbsentMergePolicy.class.getName());

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private ClusterMembership() {
    }

    static void configure(Config config, ClusterProperties cluster, MembershipProperties membership, String nodeId,
            String schemaVersion) {
        config.getMemberAttributeConfig()
                .setAttribute(SCHEMA_VERSION_ATTRIBUTE, schemaVersion)
                .setAttribute(WIRE_FORMAT_ATTRIBUTE, ClusterSerializers.WIRE_FORMAT)
                .setAttribute(NODE_ID_ATTRIBUTE, nodeId);

        JoinConfig join = config.getNetworkConfig().getJoin();
        if (membership.discovery() == MembershipProperties.Discovery.KUBERNETES) {
            join.getTcpIpConfig().setEnabled(false);
            join.getKubernetesConfig().setEnabled(true)
                    .setProperty("namespace", membership.kubernetes().namespace())
                    .setProperty("service-name", membership.kubernetes().serviceName())
                    .setProperty("service-port", String.valueOf(cluster.port()));
        }

        // Two clusters formed by nodes that started at the same moment, or the halves of a split, find each
        // other within seconds instead of Hazelcast's default five minutes.
        String mergeSeconds = String.valueOf(Math.max(1, membership.mergeInterval().toSeconds()));
        config.setProperty("hazelcast.merge.first.run.delay.seconds", mergeSeconds);
        config.setProperty("hazelcast.merge.next.run.delay.seconds", mergeSeconds);

        // Hazelcast's default (60 s unheard, a heartbeat every 5 s) leaves a cut-off node a minute to take saves
        // that no other member backs up; four heartbeats per time-out keep one late heartbeat from declaring a
        // busy member gone.
        long heartbeatSeconds = Math.max(2, membership.heartbeatTimeout().toSeconds());
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(heartbeatSeconds));
        config.setProperty("hazelcast.heartbeat.interval.seconds", String.valueOf(Math.max(1, heartbeatSeconds / 4)));

        MERGE_POLICIES.forEach((name, policy) -> {
            MapConfig map = config.getMapConfig(name);
            map.getMergePolicyConfig().setPolicy(policy);
            if (policy.equals(LatestUpdateMergePolicy.class.getName())) {
                map.setPerEntryStatsEnabled(true); // the policy compares the entries' last-update times
            }
        });

        // Hazelcast's protection needs at least two members; one means none.
        if (membership.minimumSize() > 1) {
            config.addSplitBrainProtectionConfig(
                    new SplitBrainProtectionConfig(MINIMUM_SIZE_PROTECTION, true, membership.minimumSize()));
            PROTECTED_MAPS.forEach(name -> config.getMapConfig(name).setSplitBrainProtectionName(
                    MINIMUM_SIZE_PROTECTION));
        }
        // Writes only: a cut-off node still answers reads of the answers it holds, and its flusher still writes
        // them to the database (marking them stored waits until the cluster is whole).
        int liveMinimum = Math.max(membership.minimumSize(), liveSubmissionsMinimumSize(cluster, membership));
        if (liveMinimum > 1) {
            config.addSplitBrainProtectionConfig(new SplitBrainProtectionConfig(LIVE_SUBMISSIONS_PROTECTION, true,
                    liveMinimum).setProtectOn(SplitBrainProtectionOn.WRITE));
            config.getMapConfig(ClusterStructures.LIVE_SUBMISSIONS)
                    .setSplitBrainProtectionName(LIVE_SUBMISSIONS_PROTECTION);
        }
    }

    /**
     * How many members a node must see to take live saves: the configured number, else a majority of the
     * configured members from three up, so that of two halves only the larger takes saves. Off on one or two
     * nodes: one has no other half, and on two a majority is both, so losing either node (a crash, a restart)
     * would stop every save the backup exists to carry on; the halves of a two-node split both take saves, and the
     * merge keeps both halves' ({@link LiveParticipation#merge}). With Kubernetes discovery the number of nodes is
     * not configured here, so it is off unless set.
     */
    static int liveSubmissionsMinimumSize(ClusterProperties cluster, MembershipProperties membership) {
        if (membership.liveSubmissionsMinimumSize() > 0) {
            return membership.liveSubmissionsMinimumSize();
        }
        int nodes = cluster.members().size();
        if (membership.discovery() != MembershipProperties.Discovery.TCP_IP || nodes < 3) {
            return 1;
        }
        return nodes / 2 + 1;
    }

    /**
     * Leaves the cluster, and fails the node's start, when the members that were there before it need another
     * schema version or speak another wire format. Hazelcast has no veto on joining, so the newcomer checks right
     * after it joined; the older members stay as they are.
     */
    static void requireCompatible(HazelcastInstance member, String clusterName, String nodeId,
            String schemaVersion) {
        require(member, clusterName, nodeId, IncompatibleClusterException.Mismatch.SCHEMA_VERSION,
                SCHEMA_VERSION_ATTRIBUTE, schemaVersion, null);
        require(member, clusterName, nodeId, IncompatibleClusterException.Mismatch.WIRE_FORMAT,
                WIRE_FORMAT_ATTRIBUTE, ClusterSerializers.WIRE_FORMAT, FIRST_WIRE_FORMAT);
    }

    private static void require(HazelcastInstance member, String clusterName, String nodeId,
            IncompatibleClusterException.Mismatch mismatch, String attribute, String own, String whenAbsent) {
        List<String> others = new ArrayList<>();
        String theirs = null;
        for (Member existing : member.getCluster().getMembers()) {
            if (existing.localMember()) {
                break; // members are listed oldest first: the rest joined after this one
            }
            String value = existing.getAttribute(attribute);
            value = value == null && whenAbsent != null ? whenAbsent : value;
            if (!own.equals(value)) {
                theirs = theirs == null ? String.valueOf(value) : theirs;
                others.add(existing.getAddress() + " " + existing.getAttribute(NODE_ID_ATTRIBUTE));
            }
        }
        if (!others.isEmpty()) {
            member.shutdown();
            IncompatibleClusterException refusal = new IncompatibleClusterException(mismatch, nodeId, clusterName,
                    own, theirs, String.join(", ", others));
            log.error(refusal.getMessage());
            throw refusal;
        }
    }
}
