package callcenter.stats.boundary;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

import callcenter.calls.boundary.CallView;

/**
 * One minute of {@code GET /api/stats/history} (api.md section 7), for the wallboard's chart: inbound calls offered
 * (created) in that minute, answered and missed in that minute, and the service level of the calls offered in it
 * (answered within {@code CALLCENTER_SERVICE_LEVEL_SECONDS}; null when none was offered).
 */
@JsonbPropertyOrder({"minute", "offered", "answered", "missed", "serviceLevel"})
public record MinuteStats(String minute, long offered, long answered, long missed, @JsonbNillable Double serviceLevel) {

    /** What the history needs of one inbound call. */
    public record Call(Instant createdAt, Instant answeredAt, Instant missedAt) {
    }

    /** The last {@code minutes} whole minutes up to and including {@code now}'s, oldest first. Pure arithmetic. */
    public static List<MinuteStats> of(List<Call> calls, Instant now, int minutes, int serviceLevelSeconds) {
        Instant last = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(Duration.ofMinutes(minutes - 1L));
        long[] offered = new long[minutes];
        long[] answered = new long[minutes];
        long[] missed = new long[minutes];
        long[] within = new long[minutes];
        for (Call call : calls) {
            int created = index(call.createdAt(), first, minutes);
            if (created >= 0) {
                offered[created]++;
                if (call.answeredAt() != null
                        && !call.answeredAt().isAfter(call.createdAt().plusSeconds(serviceLevelSeconds))) {
                    within[created]++;
                }
            }
            int answer = index(call.answeredAt(), first, minutes);
            if (answer >= 0) {
                answered[answer]++;
            }
            int miss = index(call.missedAt(), first, minutes);
            if (miss >= 0) {
                missed[miss]++;
            }
        }
        List<MinuteStats> history = new ArrayList<>(minutes);
        for (int i = 0; i < minutes; i++) {
            Double level = offered[i] == 0 ? null : Math.round(within[i] * 1000.0 / offered[i]) / 1000.0;
            history.add(new MinuteStats(CallView.iso(first.plus(Duration.ofMinutes(i))), offered[i], answered[i],
                    missed[i], level));
        }
        return history;
    }

    private static int index(Instant at, Instant first, int minutes) {
        if (at == null || at.isBefore(first)) {
            return -1;
        }
        long i = Duration.between(first, at).toMinutes();
        return i < minutes ? (int) i : -1;
    }
}
