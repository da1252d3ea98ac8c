package org.lectern.node.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The message broker that carries STOMP messages between nodes.
 *
 * @param embedded  start an ActiveMQ Artemis broker inside this node (single-machine default) instead of using
 *                  an external one
 * @param host      the broker's STOMP host (the embedded broker binds here)
 * @param stompPort the broker's STOMP port
 * @param user      the user the node logs into the broker as
 * @param password  its password; for an embedded broker a blank one is replaced by a random one at start
 * @param dataDir   where an embedded broker keeps its files
 */
@Validated
@ConfigurationProperties("lectern.broker")
public record BrokerProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("61613") @Min(1) @Max(65535) int stompPort,
        @DefaultValue("lectern") @NotBlank String user,
        @DefaultValue("") String password,
        @NotNull Path dataDir) {
}
