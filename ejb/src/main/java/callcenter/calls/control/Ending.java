package callcenter.calls.control;

import java.time.Duration;
import java.time.Instant;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;

/**
 * How a call ends: the final status it reaches, the hangup cause and, when the carrier reported one, its duration.
 *
 * @param reportedSeconds the carrier's own duration of an answered call; null to count from {@code answeredAt}
 */
public record Ending(CallStatus next, String cause, Integer reportedSeconds) {

    public Ending {
        if (next == null || !next.isFinal()) {
            throw new IllegalArgumentException("a call ends in a final status, not " + next);
        }
    }

    public Ending(CallStatus next, String cause) {
        this(next, cause, null);
    }

    /**
     * Whole seconds from answer to end: the carrier's figure when it gave one, else counted; 0 for a call that never
     * reached {@code ended} (missed, failed), which was never answered.
     */
    public int durationSeconds(CallLog call, Instant now) {
        if (next != CallStatus.ENDED) {
            return 0;
        }
        if (reportedSeconds != null) {
            return Math.max(0, reportedSeconds);
        }
        return call.answeredAt() == null ? 0 : (int) Math.max(0, Duration.between(call.answeredAt(), now).getSeconds());
    }
}
