package org.lectern.node.cluster;

import java.util.List;

/**
 * A {@link ReplayLog} at one moment.
 *
 * @param latestSeq the last sequence number handed out (0: none yet), also when its message was dropped since
 * @param messages  the messages still kept, seq ascending and without gaps, ending at {@code latestSeq} if any
 */
public record ReplayLogSnapshot(long latestSeq, List<LoggedMessage> messages) {

    public ReplayLogSnapshot {
        messages = List.copyOf(messages);
    }
}
