package org.lectern.node.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.MessageDeliveryException;

/**
 * Sends to the broker at best effort. While the broker is down Spring's relay refuses every message with a
 * {@link MessageDeliveryException}; letting that escape would fail the REST request that triggered the message
 * after its transaction committed. The state is in the database (and sequenced messages in the replay log), so
 * clients catch up when they reconnect; the outage itself is logged once by {@link BrokerHealthIndicator}.
 */
final class LiveDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDelivery.class);

    private LiveDelivery() {
    }

    /** @return whether the broker took the message */
    static boolean send(String destination, Runnable send) {
        try {
            send.run();
            return true;
        } catch (MessageDeliveryException e) {
            LOG.debug("Not delivered to {} while the broker is unavailable: {}", destination, e.getMessage());
            return false;
        }
    }
}
