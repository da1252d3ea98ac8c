package org.lectern.node.messaging;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Removes Artemis's {@code destination-type} header from messages on their way back to the broker.
 *
 * <p>Artemis stamps every delivered STOMP message with the routing type of the address it came from. A message a
 * node relays to a user on another node arrives through the multicast broadcast topic, and Spring copies all its
 * headers onto the SEND to the user's anycast queue; Artemis honours the stale {@code MULTICAST} there and drops
 * the message, because that address has no multicast queue. The destination's prefix ({@code /queue/},
 * {@code /topic/}) alone must decide the routing.
 */
final class BrokerRoutingHeaderFilter implements ChannelInterceptor {

    static final String ROUTING_TYPE_HEADER = "destination-type";

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.wrap(message);
        if (accessor.getFirstNativeHeader(ROUTING_TYPE_HEADER) == null) {
            return message;
        }
        accessor.removeNativeHeader(ROUTING_TYPE_HEADER);
        return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
    }
}
