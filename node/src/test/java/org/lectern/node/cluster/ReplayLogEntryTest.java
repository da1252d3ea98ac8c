package org.lectern.node.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayLogEntryTest {

    private static final long MINUTE = 60_000;

    @Test
    void shouldNumberAppendsFromOneWithoutGaps() {
        ReplayLogEntry log = new ReplayLogEntry();

        assertThat(log.append("{\"n\":1}", 1_000, 10, MINUTE)).isEqualTo(1);
        assertThat(log.append("{\"n\":2}", 2_000, 10, MINUTE)).isEqualTo(2);

        assertThat(log.snapshot().latestSeq()).isEqualTo(2);
        assertThat(log.snapshot().messages()).containsExactly(
                new LoggedMessage(1, "{\"n\":1}", 1_000), new LoggedMessage(2, "{\"n\":2}", 2_000));
    }

    @Test
    void shouldKeepOnlyTheNewestMessagesWhenTheCountBoundIsExceeded() {
        ReplayLogEntry log = new ReplayLogEntry();

        for (int n = 1; n <= 7; n++) {
            log.append("{}", n, 3, MINUTE);
        }

        assertThat(log.snapshot().latestSeq()).isEqualTo(7);
        assertThat(log.snapshot().messages()).extracting(LoggedMessage::seq).containsExactly(5L, 6L, 7L);
    }

    @Test
    void shouldDropMessagesOlderThanTheAgeBoundWhenAppending() {
        ReplayLogEntry log = new ReplayLogEntry();
        log.append("{}", 0, 10, MINUTE);
        log.append("{}", 30_000, 10, MINUTE);

        log.append("{}", MINUTE + 10_000, 10, MINUTE);

        assertThat(log.snapshot().messages()).extracting(LoggedMessage::seq).containsExactly(2L, 3L);
        assertThat(log.snapshot().latestSeq()).isEqualTo(3);
    }
}
