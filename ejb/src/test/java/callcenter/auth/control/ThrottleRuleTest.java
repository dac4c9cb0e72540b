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
        assertEquals(4, state.attempts().size());
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
        // The fifth comes when the first four are 15 minutes old: they no longer count, no lock.
        Instant late = T0.plus(ThrottleRule.WINDOW).plusSeconds(4);
        state = fail(state, late);
        assertEquals(1, state.counted(late));
        assertNull(state.lockedUntil());
        assertEquals(0, ThrottleRule.lockedForSeconds(state, late));
    }

    @Test
    void theWindowSlidesSoNoFifteenMinutesHoldMoreThanFiveFailures() {
        // One failure, then three near the end of its 15 minutes, then one just after: a window that restarted at
        // its first failure counted that last one as its first; the five of the last 15 minutes lock.
        ThrottleRule.State state = fail(null, T0);
        for (int i = 0; i < 3; i++) {
            state = fail(state, T0.plusSeconds(14 * 60 + 45 + i));
        }
        Instant afterFirstsWindow = T0.plus(ThrottleRule.WINDOW).plusSeconds(3);
        state = fail(state, afterFirstsWindow);
        assertNull(state.lockedUntil(), "the first failure has left the window: four count");
        assertEquals(4, state.counted(afterFirstsWindow));
        state = fail(state, afterFirstsWindow.plusSeconds(1));
        assertEquals(15 * 60, ThrottleRule.lockedForSeconds(state, afterFirstsWindow.plusSeconds(1)));
    }

    @Test
    void afterALockTheCountStartsAgain() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 5; i++) {
            state = fail(state, T0);
        }
        Instant afterLock = state.lockedUntil();
        state = fail(state, afterLock);
        assertEquals(1, state.counted(afterLock));
        assertEquals(0, ThrottleRule.lockedForSeconds(state, afterLock));
    }

    @Test
    void aCountedAttemptLocksOnlyWhenItsPasswordWasWrongAndARightOneIsTakenBack() {
        ThrottleRule.State state = null;
        for (int i = 0; i < 4; i++) {
            state = fail(state, T0);
        }
        Instant at = T0.plusSeconds(1);
        ThrottleRule.State fifth = ThrottleRule.counted(state, at);
        assertEquals(0, ThrottleRule.lockedForSeconds(fifth, at), "counted, not locked: its password may be right");
        assertTrue(ThrottleRule.full(fifth, at, ThrottleRule.MAX_FAILURES), "a sixth waits while the fifth is checked");
        assertFalse(ThrottleRule.full(state, at, ThrottleRule.MAX_FAILURES));
        assertFalse(ThrottleRule.full(fifth, at.plus(ThrottleRule.WINDOW), ThrottleRule.MAX_FAILURES),
                "attempts that left the window hold nothing back");
        assertEquals(15 * 60, ThrottleRule.lockedForSeconds(ThrottleRule.failed(fifth, at, ThrottleRule.MAX_FAILURES), at));
        ThrottleRule.State right = ThrottleRule.succeeded(fifth, at);
        assertEquals(4, right.counted(at), "the right one is taken back");
        assertNull(ThrottleRule.failed(right, at, ThrottleRule.MAX_FAILURES).lockedUntil());
    }

    @Test
    void theTimesAreStoredAndReadBack() {
        ThrottleRule.State state = ThrottleRule.counted(ThrottleRule.counted(null, T0), T0.plusMillis(1234));
        ThrottleRule.State read = ThrottleRule.State.stored(state.storedTimes(), null);
        assertEquals(state.attempts(), read.attempts());
        assertEquals(T0.plusMillis(1234), read.lastAttempt(T0));
        assertEquals(0, ThrottleRule.State.stored(null, null).attempts().size());
        assertEquals(0, ThrottleRule.State.stored("", null).attempts().size());
    }

    @Test
    void noStateMeansNotLocked() {
        assertEquals(0, ThrottleRule.lockedForSeconds(null, T0));
        assertEquals(0, ThrottleRule.lockedForSeconds(ThrottleRule.State.none(), T0));
    }
}
