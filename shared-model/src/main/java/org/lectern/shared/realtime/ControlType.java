package org.lectern.shared.realtime;

/** What a {@link ControlMessage} tells the client to do. */
public enum ControlType {
    /**
     * This node is going away: close the connection and open a new one (through the balancer, which sends it to
     * another node) after a uniformly random delay within {@link ControlMessage#reconnectWithinMillis()}.
     */
    RECONNECT_ELSEWHERE,

    /**
     * The user lost the right to follow {@link ControlMessage#destination()} (removed from the course, the team or
     * the exam): the node dropped the subscription; the client drops the view that showed it.
     */
    SUBSCRIPTION_ENDED,

    /**
     * The session's rights ended (logout, "log out everywhere", the login token expired or was revoked): sent as
     * the {@link Realtime#CONTROL_HEADER} of the STOMP ERROR frame that closes the connection, so it cannot be
     * overtaken by the close; the client goes to the login page instead of reconnecting.
     */
    SESSION_ENDED
}
