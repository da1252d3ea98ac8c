package org.lectern.node.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code messageBroker}, alone in the group {@code broker}: whether the node's
 * {@link BrokerLink} is connected to the broker. Kept out of readiness on purpose: without the broker the node still
 * serves REST and keeps its browsers' WebSockets, and the link reconnects by itself. Also the gauge {@value #GAUGE} (1 connected, 0 not).
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
                .description("Whether this node's relay is connected to the message broker")
                .register(meters);
    }

    @EventListener
    void availabilityChanged(BrokerLinkChanged event) {
        boolean now = event.connected();
        if (available.getAndSet(now) != now) {
            if (now) {
                LOG.info("Message broker available: real-time messages flow again");
            } else {
                LOG.warn("Message broker unavailable: REST and browser sessions keep working, real-time messages "
                        + "wait in the replay log until the relay reconnects");
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
