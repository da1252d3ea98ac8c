package org.lectern.node.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this node finds and joins the cluster.
 *
 * @param name           the Hazelcast cluster name; members and consoles must agree on it
 * @param bindInterface  the address the member binds to and advertises (never all interfaces)
 * @param port           the member's port
 * @param members        the addresses ({@code host:port}) of the cluster's members, this one included
 * @param statusInterval how often the node publishes its status
 * @param outboundPorts  the local ports (ranges such as {@code 20000-20049}) the member connects to others from;
 *                       none: the system picks. A range per node lets packet filters tell the nodes apart, as the
 *                       local cluster's partition drill does, and firewalls that allow only known ports.
 */
@Validated
@ConfigurationProperties("lectern.cluster")
public record ClusterProperties(
        @DefaultValue("lectern") @NotBlank String name,
        @DefaultValue("127.0.0.1") @NotBlank String bindInterface,
        @DefaultValue("5701") @Min(1) @Max(65535) int port,
        @DefaultValue("127.0.0.1:5701") @NotEmpty List<String> members,
        @DefaultValue("2s") Duration statusInterval,
        List<String> outboundPorts) {

    public ClusterProperties {
        outboundPorts = outboundPorts == null ? List.of() : List.copyOf(outboundPorts);
    }
}
