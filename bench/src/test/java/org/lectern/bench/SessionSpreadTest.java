package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report says how far the busiest node is above the mean, the figure the 15 % target is about. */
class SessionSpreadTest {

    @Test
    void shouldGiveTheBusiestNodesDistanceAboveTheMeanWhenSessionsAreUneven() {
        Report.SessionSpread spread = Report.SessionSpread.of(Map.of("node-2", 1125, "node-1", 46, "node-3", 62));

        assertThat(spread.perNode().keySet()).containsExactly("node-1", "node-2", "node-3");
        assertThat(spread.maxAboveMeanPercent()).isEqualTo(173.72);
    }

    @Test
    void shouldSayZeroWhenEveryNodeCarriesTheSame() {
        assertThat(Report.SessionSpread.of(Map.of("node-1", 3334, "node-2", 3334)).maxAboveMeanPercent()).isZero();
    }

    @Test
    void shouldSayZeroWhenThereAreNoSessions() {
        assertThat(Report.SessionSpread.of(Map.of()).maxAboveMeanPercent()).isZero();
    }
}
