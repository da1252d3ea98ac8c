package org.lectern.node.cluster;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How members find each other and what they do when the network splits them; the rest of {@code lectern.cluster}
 * is in {@link ClusterProperties}.
 *
 * @param discovery     {@code tcp-ip} (the {@code members} list) or {@code kubernetes} (the pods behind a service)
 * @param kubernetes    where to look when {@code discovery} is {@code kubernetes}
 * @param minimumSize   below this many members the cluster's shared maps refuse operations (split-brain
 *                      protection); 1 turns protection off, so a single node works
 * @param liveSubmissionsMinimumSize below this many members a node refuses live saves (exam and live-quiz saves),
 *                      so that the minority side of a split takes none; 0 (the default) means a majority of
 *                      {@code members} when that lists three or more, else off; 1 turns it off
 * @param mergeInterval how soon, and how often, members look for another cluster of the same name to merge with
 *                      (two clusters formed at start-up, or the halves of a split)
 * @param heartbeatTimeout how long a member may go unheard before the others declare it gone; a node cut off by
 *                      the network keeps taking students' saves it cannot back up for this long (a killed node's
 *                      closed connections are noticed at once)
 */
@Validated
@ConfigurationProperties("lectern.cluster")
public record MembershipProperties(
        @DefaultValue("tcp-ip") @NotNull Discovery discovery,
        @DefaultValue @Valid Kubernetes kubernetes,
        @DefaultValue("1") @Min(1) int minimumSize,
        @DefaultValue("0") @Min(0) int liveSubmissionsMinimumSize,
        @DefaultValue("10s") @NotNull Duration mergeInterval,
        @DefaultValue("20s") @NotNull Duration heartbeatTimeout) {

    public enum Discovery {
        TCP_IP,
        KUBERNETES
    }

    /**
     * @param namespace   the namespace of the nodes' pods
     * @param serviceName the service that selects the nodes' pods
     */
    public record Kubernetes(
            @DefaultValue("default") @NotBlank String namespace,
            @DefaultValue("lectern-node") @NotBlank String serviceName) {
    }
}
