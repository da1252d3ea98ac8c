package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExamWindowTest {

    private static final Instant START = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant END = START.plusSeconds(3600);
    private final ExamWindow window = new ExamWindow(START, 3600, 180);

    @Test
    void shouldEndAfterTheIndividualWorkingTime() {
        assertThat(window.individualEnd()).contains(END);
    }

    @Test
    void shouldHaveNoEndBeforeTheStart() {
        ExamWindow notStarted = new ExamWindow(null, 3600, 180);

        assertThat(notStarted.individualEnd()).isEmpty();
        assertThat(notStarted.acceptsWorkAt(START)).isFalse();
    }

    @Nested
    class WorkAccepted {

        @Test
        void shouldAcceptWorkFromTheStart() {
            assertThat(window.acceptsWorkAt(START)).isTrue();
        }

        @Test
        void shouldAcceptWorkOneSecondBeforeTheEnd() {
            assertThat(window.acceptsWorkAt(END.minusSeconds(1))).isTrue();
        }

        @Test
        void shouldAcceptWorkInTheGracePeriodUpToItsLastInstant() {
            assertThat(window.acceptsWorkAt(END.plusSeconds(1))).isTrue();
            assertThat(window.acceptsWorkAt(END.plusSeconds(180))).isTrue();
        }
    }

    @Nested
    class WorkRefused {

        @Test
        void shouldRefuseWorkJustAfterTheGracePeriod() {
            assertThat(window.acceptsWorkAt(END.plusSeconds(180).plusMillis(1))).isFalse();
        }

        @Test
        void shouldRefuseWorkBeforeTheStart() {
            assertThat(window.acceptsWorkAt(START.minusMillis(1))).isFalse();
        }

        @Test
        void shouldRefuseWorkRightAfterTheEndWhenThereIsNoGracePeriod() {
            ExamWindow noGrace = new ExamWindow(START, 3600, 0);

            assertThat(noGrace.acceptsWorkAt(END)).isTrue();
            assertThat(noGrace.acceptsWorkAt(END.plusMillis(1))).isFalse();
        }

        @Test
        void shouldAcceptWorkAgainWhenTheWorkingTimeIsExtended() {
            Instant late = END.plusSeconds(600);
            ExamWindow extended = new ExamWindow(START, 3600 + 1800, 180);

            assertThat(window.acceptsWorkAt(late)).isFalse();
            assertThat(extended.acceptsWorkAt(late)).isTrue();
        }
    }
}
