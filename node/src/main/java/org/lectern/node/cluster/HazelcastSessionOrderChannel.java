package org.lectern.node.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/** A reliable topic: an order published while a node is briefly slow is still delivered to it. */
@Component
class HazelcastSessionOrderChannel implements SessionOrderChannel {

    /** Node-internal: the console has no business with it, so the name is not in shared-model. */
    static final String TOPIC = "lectern.session-orders";

    private final ITopic<SessionOrder> orders;

    HazelcastSessionOrderChannel(HazelcastInstance hazelcast) {
        this.orders = hazelcast.getReliableTopic(TOPIC);
    }

    @Override
    public void publish(SessionOrder order) {
        orders.publish(order);
    }

    @Override
    public void onOrder(Consumer<SessionOrder> listener) {
        orders.addMessageListener(message -> listener.accept(message.getMessageObject()));
    }
}
