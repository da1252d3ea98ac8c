package org.lectern.node.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/** Waiting for live events in tests. */
public final class LiveAssertions {

    private LiveAssertions() {
    }

    /** The next event, which must arrive sequenced (header and envelope agree) on {@code destination}. */
    public static LiveStompClient.Event next(BlockingQueue<LiveStompClient.Event> inbox, String destination)
            throws InterruptedException {
        LiveStompClient.Event event = inbox.poll(20, TimeUnit.SECONDS);
        assertThat(event).as("an event on %s", destination).isNotNull();
        assertThat(event.seqHeader()).isNotNull();
        assertThat(Long.parseLong(event.seqHeader())).isEqualTo(event.envelope().seq()).isPositive();
        assertThat(event.envelope().destination()).isEqualTo(destination);
        return event;
    }

    /** Nothing arrives: asked after the expected events arrived elsewhere, so a stray one would be here by now. */
    public static void nothingOn(BlockingQueue<LiveStompClient.Event> inbox) throws InterruptedException {
        assertThat(inbox.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }
}
