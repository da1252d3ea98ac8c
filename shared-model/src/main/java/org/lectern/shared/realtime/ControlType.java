package org.lectern.shared.realtime;

/** What a {@link ControlMessage} tells the client to do. */
public enum ControlType {
    /**
     * This node is going away: close the connection and open a new one (through the balancer, which sends it to
     * another node) after a uniformly random delay within {@link ControlMessage#reconnectWithinMillis()}.
     */
    RECONNECT_ELSEWHERE
}
