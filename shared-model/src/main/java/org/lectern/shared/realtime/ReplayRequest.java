package org.lectern.shared.realtime;

/**
 * What a client SENDs to {@link Realtime#REPLAY_ENDPOINT} after a reconnect or on spotting a gap.
 *
 * @param destination the destination as subscribed ({@code /topic/...} or {@code /user/queue/...})
 * @param lastSeq     the highest {@link Sequenced#seq()} the client has handled there; 0 if none
 */
public record ReplayRequest(String destination, long lastSeq) {
}
