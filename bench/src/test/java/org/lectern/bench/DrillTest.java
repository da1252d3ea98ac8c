package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrillTest {

    @Test
    void shouldKnowThePartitionDrillAndHoldLongEnoughToJudgeItsRecovery() {
        Drill.Name partition = Drill.Name.of("partition");

        assertThat(partition).isEqualTo(Drill.Name.PARTITION);
        // The fault comes a third into the hold; the cut and the merge must be over with time left to judge.
        Duration faultAt = partition.defaultHold().dividedBy(3);
        Duration over = faultAt.plus(Drill.PARTITION_CUT).plusSeconds(10);
        assertThat(over).isLessThan(partition.defaultHold().minusMinutes(1));
    }

    @Test
    void shouldNameEveryDrillWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> Drill.Name.of("split")).isInstanceOf(BenchOptions.BadOption.class)
                .hasMessage("unknown drill 'split' (kill-node, drain-rolling, broker-restart, db-restart, partition,"
                        + " owner-loss)");
    }
}
