package org.lectern.node.messaging;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The browser-facing side of the real-time layer.
 *
 * @param allowedOriginPatterns origins whose pages may open a WebSocket (besides the node's own origin)
 * @param messageSizeLimit      the largest STOMP frame a client may send; a larger one closes its WebSocket
 *                              (1009, too big). Every open WebSocket holds buffers of this size (see
 *                              {@link WebSocketConfiguration#webSocketContainer}), so it is heap per browser
 * @param sendTimeLimit         how long one send to a client may take before its session is closed, so a slow
 *                              client cannot hold up the threads that serve the others
 * @param sendBufferSizeLimit   how much may queue up for one client while a send to it is in progress; beyond it
 *                              the session is closed
 * @param inboundThreads        threads handling frames from clients (authorization, application destinations)
 * @param outboundThreads       threads writing frames to clients
 * @param brokerHeartbeat       heart-beat interval, both ways, of the node's one connection to the broker
 * @param clientHeartbeat       heart-beat interval the node offers browsers, both ways, so a dead connection is
 *                              noticed on either side
 */
@Validated
@ConfigurationProperties("lectern.websocket")
public record WebSocketProperties(
        @DefaultValue("http://localhost:*") List<String> allowedOriginPatterns,
        @DefaultValue("16KB") DataSize messageSizeLimit,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("512KB") DataSize sendBufferSizeLimit,
        @DefaultValue("8") @Min(1) int inboundThreads,
        @DefaultValue("8") @Min(1) int outboundThreads,
        @DefaultValue("10s") Duration brokerHeartbeat,
        @DefaultValue("10s") Duration clientHeartbeat) {
}
