package callcenter.routing.control;

import java.util.Arrays;

/**
 * The last {@code capacity} durations recorded, for quantiles over recent work. Micrometer's own percentiles need
 * {@code Timer.builder(...)}, which WildFly's per-deployment registry never exports (docs/operations.md), so the
 * quantiles are computed here and exported as gauges. Recording is a synchronized store into an array: cheap next to
 * the database work it measures.
 */
final class RecentDurations {

    private final long[] nanos;
    private long recorded;

    RecentDurations(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.nanos = new long[capacity];
    }

    synchronized void record(long durationNanos) {
        nanos[(int) (recorded++ % nanos.length)] = Math.max(0, durationNanos);
    }

    /** The {@code q} quantile (0..1, nearest rank) of the recent durations in seconds; 0 before any. */
    double quantileSeconds(double q) {
        long[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(nanos, (int) Math.min(recorded, nanos.length));
        }
        if (copy.length == 0) {
            return 0;
        }
        Arrays.sort(copy);
        int rank = (int) Math.ceil(q * copy.length);
        return copy[Math.min(copy.length - 1, Math.max(0, rank - 1))] / 1e9;
    }
}
