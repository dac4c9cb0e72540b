package callcenter.stats.boundary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;


/**
 * Today's answered/missed counts, average answer time and service level, from the inbound calls offered today.
 * Pure arithmetic, so it is unit-tested without a database; the boundary reads the rows.
 */
public final class TodayFigures {

    /** What the figures need of one inbound call offered today. */
    public record Offered(Instant createdAt, Instant answeredAt, boolean missed, String queue) {

        public Offered(Instant createdAt, Instant answeredAt, boolean missed) {
            this(createdAt, answeredAt, missed, null);
        }
    }

    private TodayFigures() {
    }

    /** Midnight at the start of {@code now}'s calendar day in {@code zone}. */
    public static Instant startOfDay(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
    }

    public static Stats.Today of(List<Offered> calls, int serviceLevelSeconds) {
        long answered = 0;
        long missed = 0;
        long withinLevel = 0;
        long answerMillis = 0;
        for (Offered call : calls) {
            if (call.answeredAt() != null) {
                answered++;
                long millis = Math.max(0, Duration.between(call.createdAt(), call.answeredAt()).toMillis());
                answerMillis += millis;
                if (millis <= serviceLevelSeconds * 1000L) {
                    withinLevel++;
                }
            } else if (call.missed()) {
                missed++;
            }
        }
        Double average = answered == 0 ? null : Math.round(answerMillis / (double) answered / 100.0) / 10.0;
        Double level = calls.isEmpty() ? null : Math.round(withinLevel * 1000.0 / calls.size()) / 1000.0;
        return new Stats.Today(answered, missed, average, level);
    }
}
