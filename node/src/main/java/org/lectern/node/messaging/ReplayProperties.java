package org.lectern.node.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much of each destination's recent traffic the cluster keeps for clients to replay after a reconnect.
 * A client that was away longer than either bound reloads its state over REST instead.
 *
 * @param maxMessages messages kept per destination (per user and destination for personal ones)
 * @param maxAge      how long a message is kept at most
 */
@Validated
@ConfigurationProperties("lectern.realtime.replay")
public record ReplayProperties(
        @DefaultValue("200") @Min(1) @Max(10000) int maxMessages,
        @DefaultValue("15m") @NotNull Duration maxAge) {
}
