package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CallerTokensTest {

    private static final Instant ENDED = Instant.parse("2026-11-23T17:00:00Z");

    @Test
    void aCallerTokenLivesAsLongAsAUserTokenButAtMostADay() {
        assertEquals(Duration.ofMinutes(480), CallerTokens.ttl(Duration.ofMinutes(480)));
        assertEquals(Duration.ofHours(24), CallerTokens.ttl(Duration.ofDays(3)));
    }

    @Test
    void itIsRefusedFromAnHourAfterItsCallEnded() {
        assertTrue(CallerTokens.stillValid(null, ENDED), "the call has not ended");
        assertTrue(CallerTokens.stillValid(ENDED, ENDED.plus(Duration.ofMinutes(59))));
        assertFalse(CallerTokens.stillValid(ENDED, ENDED.plus(Duration.ofHours(1))));
    }
}
