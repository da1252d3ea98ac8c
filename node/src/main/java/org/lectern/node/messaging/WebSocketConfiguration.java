package org.lectern.node.messaging;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

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
    private final StompAuthorization authorization;

    WebSocketConfiguration(BrokerProperties broker, BrokerCredentials credentials, WebSocketProperties webSocket,
            StompAuthorization authorization) {
        this.broker = broker;
        this.credentials = credentials;
        this.webSocket = webSocket;
        this.authorization = authorization;
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
                .setTcpClient(new FailoverBrokerClient(broker.stompAddresses()))
                .setSystemLogin(credentials.user())
                .setSystemPasscode(credentials.password())
                .setClientLogin(credentials.user())
                .setClientPasscode(credentials.password())
                .setUserRegistryBroadcast(USER_REGISTRY_BROADCAST)
                .setUserDestinationBroadcast(UNRESOLVED_USER_BROADCAST)
                .setSystemHeartbeatSendInterval(webSocket.brokerHeartbeat().toMillis())
                .setSystemHeartbeatReceiveInterval(webSocket.brokerHeartbeat().toMillis());
    }

    /** Every client frame passes {@link StompAuthorization} before a handler or the broker sees it. */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization);
        registration.taskExecutor().corePoolSize(webSocket.inboundThreads()).maxPoolSize(webSocket.inboundThreads());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.taskExecutor().corePoolSize(webSocket.outboundThreads())
                .maxPoolSize(webSocket.outboundThreads());
    }

    /** Limits that keep one oversized, slow or flooding client from costing the others. */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(Math.toIntExact(webSocket.messageSizeLimit().toBytes()))
                .setSendTimeLimit(Math.toIntExact(webSocket.sendTimeLimit().toMillis()))
                .setSendBufferSizeLimit(Math.toIntExact(webSocket.sendBufferSizeLimit().toBytes()));
    }

    /**
     * The servlet container takes whole frames up to the same limit (its default is 8 KB) and closes the
     * WebSocket with 1009 (too big) beyond it, before the frame is buffered any further.
     */
    @Bean
    ServletServerContainerFactoryBean webSocketContainer() {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int limit = Math.toIntExact(webSocket.messageSizeLimit().toBytes());
        container.setMaxTextMessageBufferSize(limit);
        container.setMaxBinaryMessageBufferSize(limit);
        return container;
    }
}
