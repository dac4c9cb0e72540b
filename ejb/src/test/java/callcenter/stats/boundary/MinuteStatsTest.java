package callcenter.stats.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class MinuteStatsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T17:05:30Z");

    @Test
    void eachMinuteCountsOfferedAnsweredAndMissedCallsAndTheServiceLevelOfItsOfferedCalls() {
        List<MinuteStats.Call> calls = List.of(
                new MinuteStats.Call(Instant.parse("2026-11-23T17:03:10Z"), Instant.parse("2026-11-23T17:03:20Z"), null),
                new MinuteStats.Call(Instant.parse("2026-11-23T17:03:40Z"), Instant.parse("2026-11-23T17:04:30Z"), null),
                new MinuteStats.Call(Instant.parse("2026-11-23T17:04:00Z"), null, Instant.parse("2026-11-23T17:05:00Z")),
                new MinuteStats.Call(Instant.parse("2026-11-23T16:00:00Z"), Instant.parse("2026-11-23T17:05:01Z"), null));
        List<MinuteStats> history = MinuteStats.of(calls, NOW, 3, 20);

        assertEquals(List.of("2026-11-23T17:03:00.000Z", "2026-11-23T17:04:00.000Z", "2026-11-23T17:05:00.000Z"),
                history.stream().map(MinuteStats::minute).toList());
        assertEquals(List.of(2L, 1L, 0L), history.stream().map(MinuteStats::offered).toList());
        assertEquals(List.of(1L, 1L, 1L), history.stream().map(MinuteStats::answered).toList());
        assertEquals(List.of(0L, 0L, 1L), history.stream().map(MinuteStats::missed).toList());
        assertEquals(0.5, history.get(0).serviceLevel(), "one of two answered within 20 s");
        assertEquals(0.0, history.get(1).serviceLevel());
        assertNull(history.get(2).serviceLevel(), "nothing offered in that minute");
    }
}
