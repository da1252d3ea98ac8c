package org.lectern.node.balancer;

/** This node's load-balancing weight: what the status record and the load-balancer agent report. */
public interface WeightControl {

    /** The highest weight HAProxy accepts. */
    int MAX_WEIGHT = 256;

    int weight();

    /**
     * Sets the weight from now on.
     *
     * @throws IllegalArgumentException outside 0..{@link #MAX_WEIGHT}
     */
    void setWeight(int weight);
}
