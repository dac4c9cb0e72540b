package callcenter.calls.control;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import callcenter.calls.entity.CallStatus;

/**
 * The number of calls in each status, read with one query and kept for {@code maxAgeNanos}: every status's gauge
 * asks here on every scrape, so N scrapers and six gauges still cost at most one query per period.
 */
public final class StatusCounts {

    /** One row of {@code SELECT status, COUNT(*) ... GROUP BY status}. */
    public record Row(CallStatus status, long count) {
    }

    private final Supplier<List<Row>> query;
    private final LongSupplier nanoClock;
    private final long maxAgeNanos;

    private Map<CallStatus, Long> counts;
    private long readAt;

    public StatusCounts(Supplier<List<Row>> query, LongSupplier nanoClock, long maxAgeNanos) {
        this.query = query;
        this.nanoClock = nanoClock;
        this.maxAgeNanos = maxAgeNanos;
    }

    /** The count of one status, from the database when the cached figures are older than the maximum age. */
    public synchronized long count(CallStatus status) {
        long now = nanoClock.getAsLong();
        if (counts == null || now - readAt >= maxAgeNanos) {
            Map<CallStatus, Long> fresh = new EnumMap<>(CallStatus.class);
            for (Row row : query.get()) {
                fresh.put(row.status(), row.count());
            }
            counts = fresh;
            readAt = now;
        }
        return counts.getOrDefault(status, 0L);
    }
}
