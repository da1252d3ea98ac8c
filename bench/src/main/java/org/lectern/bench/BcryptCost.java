package org.lectern.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * {@code ./lectern bench bcrypt}: how long one BCrypt hash takes on this machine at costs 8 to 12, on one thread, the
 * figure a login costs a node's CPU (docs/decisions.md records the cost chosen from it). Each cost is warmed up, then
 * hashed for about {@value #SECONDS_PER_COST} seconds; the median of those hashes is reported, since other
 * processes on a shared machine make the mean wander.
 */
final class BcryptCost {

    static final int LOWEST = 8;
    static final int HIGHEST = 12;
    private static final double SECONDS_PER_COST = 4;
    private static final int WARM_UP = 2;

    private BcryptCost() {
    }

    /** One cost's result: the median and fastest time of one hash, in milliseconds, over {@code hashes} hashes. */
    record Timing(int cost, int hashes, double medianMillis, double fastestMillis) {

        /** Logins per second one core sustains at this cost, by the median. */
        double loginsPerCoreSecond() {
            return 1000 / medianMillis;
        }
    }

    static Timing time(int cost, double seconds) {
        String salt = BCrypt.gensalt(cost);
        for (int i = 0; i < WARM_UP; i++) {
            BCrypt.hashpw("warm-up-" + i, salt);
        }
        List<Long> nanos = new ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        // At least three hashes, so that the slowest costs still have a median of more than one sample.
        while (nanos.size() < 3 || System.nanoTime() < end) {
            long start = System.nanoTime();
            BCrypt.hashpw("correct horse battery staple " + nanos.size(), salt);
            nanos.add(System.nanoTime() - start);
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return new Timing(cost, sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6);
    }

    static void main(String[] args) {
        System.out.printf(Locale.ROOT, "BCrypt on %d cores, %s %s, one thread, ~%.0f s per cost%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), Runtime.version(),
                SECONDS_PER_COST);
        System.out.printf(Locale.ROOT, "%4s %7s %12s %12s %18s%n", "cost", "hashes", "median ms", "fastest ms",
                "logins/s per core");
        for (int cost = LOWEST; cost <= HIGHEST; cost++) {
            Timing t = time(cost, SECONDS_PER_COST);
            System.out.printf(Locale.ROOT, "%4d %7d %12.1f %12.1f %18.1f%n", t.cost(), t.hashes(), t.medianMillis(),
                    t.fastestMillis(), t.loginsPerCoreSecond());
        }
    }
}
