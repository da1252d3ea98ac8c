package org.lectern.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * When each student logs in, within the ramp. {@code even}: one after the other at equal gaps. {@code surge}: the
 * exam start, a triangular arrival rate that rises from the ramp's start to its peak at {@code peak} and falls to
 * zero at the ramp's end, so that most of the hall arrives around one moment and the peak rate is twice the even
 * one. Deterministic: student k of n arrives where the share (k - ½)/n of the arrivals is reached.
 */
enum Arrivals {
    EVEN, SURGE;

    static Arrivals of(String value) {
        return switch (value) {
            case "even" -> EVEN;
            case "surge" -> SURGE;
            default -> throw new BenchOptions.BadOption("--profile needs even or surge, got '" + value + "'");
        };
    }

    String cli() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Student {@code index} (0 first) of {@code students}: its login's offset from the run's start.
     *
     * @param peak where in the ramp a surge peaks (ignored for even arrivals); clamped into the ramp
     */
    Duration offset(int index, int students, Duration ramp, Duration peak) {
        double rampNanos = ramp.toNanos();
        if (this == EVEN || rampNanos == 0) {
            return Duration.ofNanos((long) (rampNanos * index / students));
        }
        double share = (index + 0.5) / students;
        double top = Math.min(Math.max(peak.toNanos(), 0), rampNanos) / rampNanos;
        // The inverse of the triangular distribution on [0, 1] with its mode at top.
        double at = share < top ? Math.sqrt(share * top) : 1 - Math.sqrt((1 - share) * (1 - top));
        return Duration.ofNanos((long) (at * rampNanos));
    }
}
