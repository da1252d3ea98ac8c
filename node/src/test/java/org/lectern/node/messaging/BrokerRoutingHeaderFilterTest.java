package org.lectern.node.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ExecutorSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;

class BrokerRoutingHeaderFilterTest {

    private final BrokerRoutingHeaderFilter filter = new BrokerRoutingHeaderFilter();
    private final ExecutorSubscribableChannel channel = new ExecutorSubscribableChannel();

    @Test
    void shouldRemoveTheRoutingTypeArtemisStampedOnARelayedMessage() {
        Message<byte[]> relayed = message("destination-type", "MULTICAST");

        Message<?> sent = filter.preSend(relayed, channel);

        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(sent);
        assertThat(headers.getFirstNativeHeader("destination-type")).isNull();
        assertThat(headers.getFirstNativeHeader("content-type")).isEqualTo("application/json");
        assertThat(headers.getDestination()).isEqualTo("/queue/notifications-user1");
        assertThat(sent.getPayload()).isEqualTo(relayed.getPayload());
    }

    @Test
    void shouldPassAMessageWithoutRoutingTypeUnchanged() {
        Message<byte[]> plain = message("priority", "4");

        assertThat(filter.preSend(plain, channel)).isSameAs(plain);
    }

    private static Message<byte[]> message(String nativeHeader, String value) {
        SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        accessor.setDestination("/queue/notifications-user1");
        accessor.setNativeHeader(nativeHeader, value);
        accessor.setNativeHeader("content-type", "application/json");
        return MessageBuilder.createMessage("{}".getBytes(), accessor.getMessageHeaders());
    }
}
