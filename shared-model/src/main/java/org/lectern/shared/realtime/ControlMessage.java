package org.lectern.shared.realtime;

/**
 * An instruction from the node to a connected client, on {@link Realtime#CONTROL_QUEUE}.
 *
 * @param type                  what to do
 * @param reconnectWithinMillis the window to spread reconnects over: each client waits a uniformly random
 *                              delay within it, so a node's clients do not all arrive at once elsewhere
 * @param reason                for logs and, at most, a discreet hint to the user
 * @param destination           the destination a {@link ControlType#SUBSCRIPTION_ENDED} is about; null otherwise
 */
public record ControlMessage(ControlType type, long reconnectWithinMillis, String reason, String destination) {

    public static ControlMessage reconnectElsewhere(long withinMillis, String reason) {
        return new ControlMessage(ControlType.RECONNECT_ELSEWHERE, withinMillis, reason, null);
    }

    public static ControlMessage subscriptionEnded(String destination, String reason) {
        return new ControlMessage(ControlType.SUBSCRIPTION_ENDED, 0, reason, destination);
    }
}
