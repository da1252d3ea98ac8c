package org.lectern.node.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who this node is.
 *
 * @param id     the operator's name for the node, unique in the cluster
 * @param weight the load-balancing weight the node starts with when no operator has set one; {@code null} (unset)
 *               means one unit per four available processors, at least one
 */
@Validated
@ConfigurationProperties("lectern.node")
public record NodeProperties(
        @DefaultValue("node-1") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String id,
        @Min(0) @Max(256) Integer weight) {
}
