package org.lectern.node.messaging;

import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over WebSocket at {@value #ENDPOINT}. Browser sessions, their subscriptions and the fan-out live in this
 * node (Spring's in-node broker); the {@link NodeRelay} carries messages between nodes over the node's one
 * connection to the message broker, so the broker sees nodes, not browsers. The same path on one node and many.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    static final String ENDPOINT = "/ws";

    private final WebSocketProperties webSocket;
    private final StompAuthorization authorization;
    private final FanOutMeter fanOut;
    private final TaskScheduler scheduler;

    /** The scheduler is Spring's own for the in-node broker, lazily: it is defined by the configuration this feeds. */
    WebSocketConfiguration(WebSocketProperties webSocket, StompAuthorization authorization, FanOutMeter fanOut,
            @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler) {
        this.webSocket = webSocket;
        this.authorization = authorization;
        this.fanOut = fanOut;
        this.scheduler = scheduler;
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
        long heartbeat = webSocket.clientHeartbeat().toMillis();
        registry.enableSimpleBroker("/topic", "/queue")
                .setTaskScheduler(scheduler)
                .setHeartbeatValue(new long[] {heartbeat, heartbeat});
    }

    /** Every client frame passes {@link StompAuthorization} before a handler or the broker sees it. */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(authorization);
        registration.taskExecutor().corePoolSize(webSocket.inboundThreads()).maxPoolSize(webSocket.inboundThreads());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(fanOut);
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
     * WebSocket with 1009 (too big) beyond it, before the frame is buffered any further. Tomcat allocates both
     * buffers when the WebSocket opens, the text one in chars: 3 bytes per byte of the limit for every browser,
     * frame or no frame (192 KB a session at 64 KB filled the nodes' heap at 1,600 sessions each; decisions.md).
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
