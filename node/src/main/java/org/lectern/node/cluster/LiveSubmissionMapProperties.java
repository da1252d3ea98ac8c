package org.lectern.node.cluster;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many copies of a live save the cluster holds besides its owner's before the save is acknowledged. The rest of
 * {@code lectern.live-submissions} belongs to the flusher (in the exercise feature); this part configures the map.
 *
 * @param backupCount synchronous backups of the live-submissions map: 1 survives the loss of any one member; 2
 *                    (recommended from 5 nodes) survives two members lost at once, at the price of one more
 *                    network round trip per save. Hazelcast allows at most 6
 */
@Validated
@ConfigurationProperties("lectern.live-submissions")
public record LiveSubmissionMapProperties(@DefaultValue("1") @Min(1) @Max(6) int backupCount) {
}
