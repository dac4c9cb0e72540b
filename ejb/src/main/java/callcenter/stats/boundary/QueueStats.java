package callcenter.stats.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One queue's figures in {@code GET /api/stats} (api.md section 7).
 *
 * @param available members available now
 * @param busy      members on a call now
 */
@JsonbPropertyOrder({"name", "waiting", "longestWaitSeconds", "available", "busy", "today"})
public record QueueStats(String name, long waiting, long longestWaitSeconds, long available, long busy, Today today) {

    /** Today's inbound calls of the queue. */
    @JsonbPropertyOrder({"offered", "answered", "missed", "averageAnswerSeconds", "serviceLevel"})
    public record Today(long offered, long answered, long missed, @JsonbNillable Double averageAnswerSeconds,
                        @JsonbNillable Double serviceLevel) {

        static Today of(long offered, Stats.Today figures) {
            return new Today(offered, figures.answered(), figures.missed(), figures.averageAnswerSeconds(),
                    figures.serviceLevel());
        }
    }
}
