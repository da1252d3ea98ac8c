package org.lectern.node.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
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
 * @param addresses an external broker's STOMP addresses ({@code host:port}) in order of preference, the primary
 *                  first and then its backup; empty: {@code host:stompPort}
 */
@Validated
@ConfigurationProperties("lectern.broker")
public record BrokerProperties(
        @DefaultValue("true") boolean embedded,
        @DefaultValue("127.0.0.1") @NotBlank String host,
        @DefaultValue("61613") @Min(1) @Max(65535) int stompPort,
        @DefaultValue("lectern") @NotBlank String user,
        @DefaultValue("") String password,
        @NotNull Path dataDir,
        @DefaultValue({}) List<@Pattern(regexp = "[^:\\s]+:\\d{1,5}") String> addresses) {

    /** Where the node's relay connects, in order of preference; resolved when it connects. */
    public List<InetSocketAddress> stompAddresses() {
        if (embedded || addresses.isEmpty()) {
            return List.of(InetSocketAddress.createUnresolved(host, stompPort));
        }
        return addresses.stream().map(address -> {
            int colon = address.lastIndexOf(':');
            return InetSocketAddress.createUnresolved(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1)));
        }).toList();
    }
}
