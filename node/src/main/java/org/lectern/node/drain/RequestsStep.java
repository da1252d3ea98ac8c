package org.lectern.node.drain;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Waits for the HTTP requests in flight to finish. Users the balancer still sends here (they had this node before
 * the drain) keep being served; the step only makes sure nothing is cut off half done when the node stops.
 */
@Component
@Order(DrainStep.ORDER_REQUESTS)
class RequestsStep implements DrainStep {

    private final InFlightRequests requests;
    private final DrainProperties properties;

    RequestsStep(InFlightRequests requests, DrainProperties properties) {
        this.requests = requests;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "requests";
    }

    @Override
    public String run(DrainContext context) throws InterruptedException {
        if (context.awaitUntil(() -> requests.count() == 0, properties.requestDeadline())) {
            return "no HTTP request in flight";
        }
        return requests.count() + " HTTP requests still in flight after " + properties.requestDeadline().toSeconds()
                + " s";
    }
}
