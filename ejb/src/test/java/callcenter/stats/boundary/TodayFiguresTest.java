package callcenter.stats.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;


class TodayFiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static TodayFigures.Offered answeredAfter(int seconds) {
        return new TodayFigures.Offered(T0, T0.plusSeconds(seconds), false);
    }

    private static TodayFigures.Offered missed() {
        return new TodayFigures.Offered(T0, null, true);
    }

    private static TodayFigures.Offered stillWaiting() {
        return new TodayFigures.Offered(T0, null, false);
    }

    @Test
    void noCallOfferedMeansNoServiceLevelAndNoAverage() {
        Stats.Today today = TodayFigures.of(List.of(), 20);
        assertEquals(0, today.answered());
        assertEquals(0, today.missed());
        assertNull(today.averageAnswerSeconds());
        assertNull(today.serviceLevel());
    }

    @Test
    void serviceLevelIsTheShareOfOfferedCallsAnsweredWithinTheLimit() {
        Stats.Today today = TodayFigures.of(List.of(answeredAfter(5), answeredAfter(20), answeredAfter(21), missed()), 20);
        assertEquals(3, today.answered());
        assertEquals(1, today.missed());
        assertEquals(0.5, today.serviceLevel());
        assertEquals(15.3, today.averageAnswerSeconds());
    }

    @Test
    void aCallStillRingingCountsAsOfferedButNeitherAnsweredNorMissed() {
        Stats.Today today = TodayFigures.of(List.of(answeredAfter(2), stillWaiting(), stillWaiting()), 20);
        assertEquals(1, today.answered());
        assertEquals(0, today.missed());
        assertEquals(0.333, today.serviceLevel());
    }

    @Test
    void todayStartsAtMidnightInTheConfiguredZone() {
        Instant lateEveningUtc = Instant.parse("2026-11-23T22:30:00Z");
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), TodayFigures.startOfDay(lateEveningUtc, ZoneId.of("UTC")));
        // Already the 24th in Nairobi (UTC+3): its day began at 21:00 UTC on the 23rd.
        assertEquals(Instant.parse("2026-11-23T21:00:00Z"),
                TodayFigures.startOfDay(lateEveningUtc, ZoneId.of("Africa/Nairobi")));
    }
}
