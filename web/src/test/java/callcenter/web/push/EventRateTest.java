package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EventRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstOfSixtyPassesTheNextIsToldOnceThenDroppedSilently() {
        EventRate rate = new EventRate(0);
        for (int i = 0; i < 60; i++) {
            assertEquals(EventRate.Verdict.PASS, rate.take(0), "event " + i);
        }
        assertEquals(EventRate.Verdict.DROP_AND_TELL, rate.take(0));
        assertEquals(EventRate.Verdict.DROP, rate.take(0));
        assertEquals(EventRate.Verdict.DROP, rate.take(SECOND / 40), "half a token is not a token");
    }

    @Test
    void refillsAtTwentyASecondUpToTheBurst() {
        EventRate rate = new EventRate(0);
        for (int i = 0; i < 61; i++) {
            rate.take(0);
        }
        // One second later: exactly 20 more, and the next drop is told again (a new run of drops).
        for (int i = 0; i < 20; i++) {
            assertEquals(EventRate.Verdict.PASS, rate.take(SECOND), "event " + i);
        }
        assertEquals(EventRate.Verdict.DROP_AND_TELL, rate.take(SECOND));
        // A long pause refills only up to the burst.
        long later = 100 * SECOND;
        for (int i = 0; i < 60; i++) {
            assertEquals(EventRate.Verdict.PASS, rate.take(later));
        }
        assertEquals(EventRate.Verdict.DROP_AND_TELL, rate.take(later));
    }

    @Test
    void aSteadyTwentyASecondNeverDrops() {
        EventRate rate = new EventRate(0);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(EventRate.Verdict.PASS, rate.take(i * SECOND / 20));
        }
    }
}
