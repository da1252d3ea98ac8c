package org.lectern.node.messaging;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * STOMP over WebSocket at {@value #ENDPOINT}, relayed to the broker. The relay, not Spring's simple in-memory
 * broker, even on one node: a message sent on any node reaches subscribers on every node, and user destinations
 * resolve across nodes because the user registry and unresolved messages are broadcast through the broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";
    static final String USER_REGISTRY_BROADCAST = "/topic/lectern.user-registry";
    static final String UNRESOLVED_USER_BROADCAST = "/topic/lectern.unresolved-user";

    private final BrokerProperties broker;
    private final BrokerCredentials credentials;
    private final WebSocketProperties webSocket;

    WebSocketConfiguration(BrokerProperties broker, BrokerCredentials credentials, WebSocketProperties webSocket) {
        this.broker = broker;
        this.credentials = credentials;
        this.webSocket = webSocket;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        List<String> origins = webSocket.allowedOriginPatterns();
        registry.addEndpoint(ENDPOINT).setAllowedOriginPatterns(origins.toArray(String[]::new));
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.setApplicationDestinationPrefixes("/app");
        registry.setPreservePublishOrder(true);
        registry.configureBrokerChannel().interceptors(new BrokerRoutingHeaderFilter());
        registry.enableStompBrokerRelay("/topic", "/queue")
                .setRelayHost(broker.host())
                .setRelayPort(broker.stompPort())
                .setSystemLogin(credentials.user())
                .setSystemPasscode(credentials.password())
                .setClientLogin(credentials.user())
                .setClientPasscode(credentials.password())
                .setUserRegistryBroadcast(USER_REGISTRY_BROADCAST)
                .setUserDestinationBroadcast(UNRESOLVED_USER_BROADCAST);
    }
}
