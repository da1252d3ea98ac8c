package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import java.time.Duration;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.lectern.shared.testing.FreePorts;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** A real one-member cluster configured as a node configures its own, for tests of one cluster-backed class. */
final class SingleMember {

    private SingleMember() {
    }

    /** A member of a cluster of its own (named after {@code purpose} and its port); the caller terminates it. */
    static HazelcastInstance start(String purpose) {
        int port = FreePorts.next();
        ClusterProperties cluster = new ClusterProperties(purpose + "-" + port, "127.0.0.1", port,
                List.of("127.0.0.1:" + port), Duration.ofSeconds(2), List.of());
        MembershipProperties membership = new MembershipProperties(MembershipProperties.Discovery.TCP_IP,
                new MembershipProperties.Kubernetes("default", "lectern-node"), 1, 1, Duration.ofSeconds(5),
                Duration.ofSeconds(20));
        return new HazelcastMemberConfiguration().hazelcastInstance(cluster, new NodeProperties("node-a", null),
                membership, new LiveSubmissionMapProperties(1),
                new SchemaVersion(new StaticListableBeanFactory().getBeanProvider(Flyway.class), "30"));
    }
}
