package org.lectern.node.balancer;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the node talks to the load balancer.
 *
 * @param agentPort  the TCP port of the HAProxy agent ({@code agent-check}), on {@code lectern.cluster.bind-interface};
 *                   0 runs no agent
 * @param healthPort the HTTP port of the liveness check HAProxy runs ({@code check port}), on the same interface,
 *                   answered by its own thread so that a busy node is not taken for a dead one; 0 runs none
 */
@Validated
@ConfigurationProperties("lectern.balancer")
record BalancerProperties(@DefaultValue("0") @Min(0) @Max(65535) int agentPort,
        @DefaultValue("0") @Min(0) @Max(65535) int healthPort) {
}
