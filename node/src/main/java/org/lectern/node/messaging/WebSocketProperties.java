package org.lectern.node.messaging;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser-facing side of the real-time layer.
 *
 * @param allowedOriginPatterns origins whose pages may open a WebSocket (besides the node's own origin)
 */
@ConfigurationProperties("lectern.websocket")
public record WebSocketProperties(@DefaultValue("http://localhost:*") List<String> allowedOriginPatterns) {
}
