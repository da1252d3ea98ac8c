package org.lectern.node.balancer;

import java.util.concurrent.atomic.AtomicInteger;
import org.lectern.node.cluster.NodeProperties;
import org.springframework.stereotype.Component;

/** The weight the node was configured with, changeable while it runs. */
@Component
class ConfiguredWeight implements WeightControl {

    private final AtomicInteger weight;

    ConfiguredWeight(NodeProperties node) {
        this.weight = new AtomicInteger(node.weight());
    }

    @Override
    public int weight() {
        return weight.get();
    }

    @Override
    public void setWeight(int weight) {
        if (weight < 0 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("A weight is 0.." + MAX_WEIGHT + ", not " + weight);
        }
        this.weight.set(weight);
    }
}
