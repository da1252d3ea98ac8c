package org.lectern.shared.realtime;

import java.util.List;

/**
 * The answer to a {@link ReplayRequest}, on {@link Realtime#REPLAY_QUEUE} of the session that asked.
 *
 * @param destination the destination the request named
 * @param outcome     replayed, reload or rejected
 * @param reload      {@code true} exactly when {@code outcome} is {@link ReplayOutcome#RELOAD}
 * @param reason      why the client must reload or was rejected; {@code null} when replayed
 * @param latestSeq   the destination's latest seq: after a reload the client continues from here
 * @param messages    the missed messages, seq ascending; empty unless replayed
 * @param <T>         the payload's type
 */
public record ReplayResponse<T>(String destination, ReplayOutcome outcome, boolean reload, String reason,
        long latestSeq, List<Sequenced<T>> messages) {

    public ReplayResponse {
        messages = List.copyOf(messages);
    }

    public static <T> ReplayResponse<T> replayed(String destination, long latestSeq, List<Sequenced<T>> messages) {
        return new ReplayResponse<>(destination, ReplayOutcome.REPLAYED, false, null, latestSeq, messages);
    }

    public static <T> ReplayResponse<T> reload(String destination, long latestSeq, String reason) {
        return new ReplayResponse<>(destination, ReplayOutcome.RELOAD, true, reason, latestSeq, List.of());
    }

    public static <T> ReplayResponse<T> rejected(String destination, String reason) {
        return new ReplayResponse<>(destination, ReplayOutcome.REJECTED, false, reason, 0, List.of());
    }
}
