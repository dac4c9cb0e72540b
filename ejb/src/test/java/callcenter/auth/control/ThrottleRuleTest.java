package callcenter.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ThrottleRuleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static ThrottleRule.State fail(ThrottleRule.State state, Instant at) {
        return ThrottleRule.afterFailure(state, at);
    }

    @Test
    void fiveFailuresWithinFifteenMinutesLockForFifteenMinutes() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 4; i++) {
            state = fail(state, T0.plus(Duration.ofMinutes(3 * i)));
            assertEquals(0, ThrottleRule.lockedForSeconds(state, T0.plus(Duration.ofMinutes(3 * i))), "failure " + (i + 1));
        }
        assertEquals(4, state.failures());
        Instant fifth = T0.plusSeconds(14 * 60 + 59);
        state = fail(state, fifth);
        assertEquals(fifth.plus(ThrottleRule.LOCK), state.lockedUntil());
        assertEquals(15 * 60, ThrottleRule.lockedForSeconds(state, fifth));
        assertEquals(60, ThrottleRule.lockedForSeconds(state, fifth.plusSeconds(14 * 60)));
        assertEquals(1, ThrottleRule.lockedForSeconds(state, fifth.plus(ThrottleRule.LOCK).minusMillis(1)));
        assertEquals(0, ThrottleRule.lockedForSeconds(state, fifth.plus(ThrottleRule.LOCK)));
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 4; i++) {
            state = fail(state, T0.plusSeconds(i));
        }
        // The fifth comes when the window of the first has passed: a new window starts, no lock.
        Instant late = T0.plus(ThrottleRule.WINDOW);
        state = fail(state, late);
        assertEquals(1, state.failures());
        assertEquals(late, state.windowStartedAt());
        assertNull(state.lockedUntil());
        assertEquals(0, ThrottleRule.lockedForSeconds(state, late));
    }

    @Test
    void afterALockTheCountStartsAgain() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 5; i++) {
            state = fail(state, T0);
        }
        Instant afterLock = state.lockedUntil();
        state = fail(state, afterLock);
        assertEquals(1, state.failures());
        assertEquals(0, ThrottleRule.lockedForSeconds(state, afterLock));
    }

    @Test
    void aCountedAttemptLocksOnlyWhenItsPasswordWasWrong() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 4; i++) {
            state = fail(state, T0);
        }
        ThrottleRule.State fifth = ThrottleRule.counted(state, T0);
        assertEquals(0, ThrottleRule.lockedForSeconds(fifth, T0), "counted, not locked: its password may be right");
        assertTrue(ThrottleRule.full(fifth, T0, ThrottleRule.MAX_FAILURES), "a sixth waits while the fifth is checked");
        assertFalse(ThrottleRule.full(state, T0, ThrottleRule.MAX_FAILURES));
        assertFalse(ThrottleRule.full(fifth, T0.plus(ThrottleRule.WINDOW), ThrottleRule.MAX_FAILURES),
                "a full count of a window that is over holds nothing back");
        assertEquals(15 * 60, ThrottleRule.lockedForSeconds(ThrottleRule.failed(fifth, T0, ThrottleRule.MAX_FAILURES), T0));
        assertEquals(15 * 60, ThrottleRule.lockedForSeconds(ThrottleRule.failed(ThrottleRule.counted(null, T0), T0, 1), T0),
                "one failure of a limit of one locks");
    }

    @Test
    void noStateMeansNotLocked() {
        assertEquals(0, ThrottleRule.lockedForSeconds(null, T0));
        assertEquals(0, ThrottleRule.lockedForSeconds(ThrottleRule.State.fresh(T0), T0));
    }
}
