package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Even arrivals fill the ramp at one rate; a surge crowds them around its peak. */
class ArrivalsTest {

    private static final Duration RAMP = Duration.ofSeconds(120);
    private static final Duration PEAK = Duration.ofSeconds(12);

    @Test
    void shouldSpaceStudentsEquallyWhenEven() {
        assertThat(Arrivals.EVEN.offset(0, 3000, RAMP, PEAK)).isZero();
        assertThat(Arrivals.EVEN.offset(1500, 3000, RAMP, PEAK)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldCrowdStudentsAroundThePeakWhenASurge() {
        List<Duration> offsets = IntStream.range(0, 3000).mapToObj(i -> Arrivals.SURGE.offset(i, 3000, RAMP, PEAK))
                .toList();

        assertThat(offsets).isSorted().allSatisfy(offset -> assertThat(offset).isBetween(Duration.ZERO, RAMP));
        // The 12 s around the peak hold 17 % of the students (the triangle's area there), 1.7 times the even 10 %.
        long nearPeak = offsets.stream().filter(o -> o.compareTo(Duration.ofSeconds(6)) >= 0
                && o.compareTo(Duration.ofSeconds(18)) < 0).count();
        assertThat(nearPeak).isBetween(505L, 530L);
        // The triangle's mode holds the share peak/ramp of the arrivals before it.
        assertThat(offsets.get(299)).isLessThan(PEAK);
        assertThat(offsets.get(301)).isGreaterThan(PEAK);
    }

    @Test
    void shouldSendEveryoneAtOnceWhenTheRampIsZero() {
        assertThat(Arrivals.SURGE.offset(2999, 3000, Duration.ZERO, PEAK)).isZero();
    }

    @Test
    void shouldBeChosenOnTheCommandLine() {
        BenchOptions options = BenchOptions.parse(List.of("--profile", "surge", "--peak-seconds", "30"));

        assertThat(options.arrivals()).isEqualTo(Arrivals.SURGE);
        assertThat(options.peakOrDefault()).isEqualTo(Duration.ofSeconds(30));
        assertThat(BenchOptions.parse(List.of("--ramp-seconds", "600")).peakOrDefault())
                .isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--profile", "tsunami")))
                .isInstanceOf(BenchOptions.BadOption.class).hasMessage("--profile needs even or surge, got 'tsunami'");
    }
}
