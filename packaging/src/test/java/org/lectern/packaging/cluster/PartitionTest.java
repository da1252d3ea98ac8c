package org.lectern.packaging.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTest {

    private final ClusterLayout layout = ClusterLayout.defaults(Path.of("/tmp/lectern-home"), 3, 8443);

    @Test
    void shouldGiveEveryNodeOutboundPortsOfItsOwnBelowTheEphemeralRange() {
        assertThat(List.of(layout.outboundPorts(1), layout.outboundPorts(2), layout.outboundPorts(3)))
                .containsExactly("20000-20049", "20050-20099", "20100-20149");
        ClusterLayout largest = ClusterLayout.defaults(Path.of("/tmp/lectern-home"), ClusterLayout.MAX_NODES, 8443);
        assertThat(largest.outboundPorts(ClusterLayout.MAX_NODES)).isEqualTo("20400-20449");
    }

    @Test
    void shouldDropTrafficBetweenTheNodeAndTheOthersBothWays() {
        assertThat(new Partition(layout).ruleset(2)).isEqualTo("""
                table inet lectern_partition {
                  chain output {
                    type filter hook output priority filter; policy accept;
                    tcp sport { 5802, 20050-20099 } tcp dport { 5801, 20000-20049, 5803, 20100-20149 } drop
                    tcp sport { 5801, 20000-20049, 5803, 20100-20149 } tcp dport { 5802, 20050-20099 } drop
                  }
                }
                """);
    }
}
