package callcenter.stats.boundary;

import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The wallboard's figures: the body of {@code GET /api/stats} and of the {@code stats:updated} event.
 *
 * @param longestWaitSeconds how long the oldest waiting call has waited; 0 when none waits
 */
@JsonbPropertyOrder({"waiting", "active", "longestWaitSeconds", "agents", "today", "queues"})
public record Stats(long waiting, long active, long longestWaitSeconds, Agents agents, Today today,
                    List<QueueStats> queues) {

    /** Enabled agents, supervisors and admins by presence status. */
    @JsonbPropertyOrder({"available", "busy", "away", "offline"})
    public record Agents(long available, long busy, long away, long offline) {
    }

    /**
     * Today's inbound calls, "today" being the calendar day in {@code CALLCENTER_TIMEZONE}.
     *
     * @param averageAnswerSeconds mean time from offer to answer, one decimal; null when nothing was answered
     * @param serviceLevel         share of today's offered calls answered within {@code CALLCENTER_SERVICE_LEVEL_SECONDS},
     *                             0..1; null when no call was offered today
     */
    @JsonbPropertyOrder({"answered", "missed", "averageAnswerSeconds", "serviceLevel"})
    public record Today(long answered, long missed, @JsonbNillable Double averageAnswerSeconds,
                        @JsonbNillable Double serviceLevel) {
    }
}
