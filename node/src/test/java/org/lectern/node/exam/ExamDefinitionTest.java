package org.lectern.node.exam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lectern.node.web.InvalidRequestException;

class ExamDefinitionTest {

    private static final Instant VISIBLE = Instant.parse("2026-07-01T08:00:00Z");
    private static final Instant START = Instant.parse("2026-07-01T09:00:00Z");
    private static final Instant END = Instant.parse("2026-07-01T11:00:00Z");

    @Test
    void shouldDefaultToTheWholeWindowAndThreeMinutesOfGrace() {
        ExamDefinition definition = ExamDefinition.of("Exam", VISIBLE, START, END, null, null);

        assertThat(definition.workingTimeSeconds()).isEqualTo(7200);
        assertThat(definition.gracePeriodSeconds()).isEqualTo(180);
    }

    @Test
    void shouldKeepAGivenWorkingTimeAndGracePeriod() {
        ExamDefinition definition = ExamDefinition.of("Exam", VISIBLE, START, END, 5400, 0);

        assertThat(definition.workingTimeSeconds()).isEqualTo(5400);
        assertThat(definition.gracePeriodSeconds()).isZero();
    }

    @Test
    void shouldRefuseAVisibleDateAfterTheStart() {
        assertThatThrownBy(() -> ExamDefinition.of("Exam", START.plusSeconds(1), START, END, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("visible date");
    }

    @Test
    void shouldRefuseAnEndThatIsNotAfterTheStart() {
        assertThatThrownBy(() -> ExamDefinition.of("Exam", VISIBLE, START, START, null, null))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("start date");
    }

    @Test
    void shouldAcceptAVisibleDateEqualToTheStart() {
        assertThat(ExamDefinition.of("Exam", START, START, END, null, null).visibleDate()).isEqualTo(START);
    }
}
