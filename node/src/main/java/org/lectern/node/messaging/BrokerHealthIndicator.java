package org.lectern.node.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code messageBroker}, alone in the group {@code broker}: whether the STOMP relay is
 * connected to the broker, as Spring's relay reports it. Kept out of readiness on purpose: without the broker
 * the node still serves REST, and the relay reconnects by itself. Also the gauge {@value #GAUGE} (1 connected, 0 not).
 */
@Component(BrokerHealthIndicator.BEAN_NAME)
class BrokerHealthIndicator implements HealthIndicator, BrokerConnection {

    /** Makes the contributor {@code messageBroker}: {@code broker} is the name of its health group. */
    static final String BEAN_NAME = "messageBrokerHealthIndicator";

    static final String GAUGE = "lectern.broker.available";

    private static final Logger LOG = LoggerFactory.getLogger(BrokerHealthIndicator.class);

    private final AtomicBoolean available = new AtomicBoolean();

    BrokerHealthIndicator(MeterRegistry meters) {
        Gauge.builder(GAUGE, available, connected -> connected.get() ? 1 : 0)
                .description("Whether this node's STOMP relay is connected to the message broker")
                .register(meters);
    }

    @EventListener
    void availabilityChanged(BrokerAvailabilityEvent event) {
        boolean now = event.isBrokerAvailable();
        if (available.getAndSet(now) != now) {
            if (now) {
                LOG.info("Message broker available: real-time messages flow again");
            } else {
                LOG.warn("Message broker unavailable: REST keeps working, real-time messages are not delivered "
                        + "until the relay reconnects");
            }
        }
    }

    @Override
    public boolean isConnected() {
        return available.get();
    }

    @Override
    public Health health() {
        return available.get() ? Health.up().build() : Health.down().build();
    }
}
