package org.lectern.node.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Counts the messages this node hands to its browser sessions ({@value #METER}): next to the messages it received
 * from the broker, the fan-out the node does itself instead of the broker.
 */
@Component
class FanOutMeter implements ChannelInterceptor {

    static final String METER = "lectern.relay.delivered";

    private final Counter delivered;

    FanOutMeter(MeterRegistry meters) {
        this.delivered = Counter.builder(METER)
                .description("Messages this node delivered to its browser sessions")
                .register(meters);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.MESSAGE) {
            delivered.increment();
        }
        return message;
    }
}
