package callcenter.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void firstRunIsAtTheSlotOfTheCurrentSecondWhenStillAhead() {
        Instant now = Instant.parse("2026-12-05T10:00:00.050Z");
        assertEquals(Instant.parse("2026-12-05T10:00:00.300Z"), Ticks.RING_TIMEOUTS.firstAt(now).toInstant());
    }

    @Test
    void firstRunIsInTheNextSecondOnceTheSlotHasPassed() {
        Instant now = Instant.parse("2026-12-05T10:00:00.950Z");
        assertEquals(Instant.parse("2026-12-05T10:00:01.100Z"), Ticks.ROUTING.firstAt(now).toInstant());
        Instant exactly = Instant.parse("2026-12-05T10:00:00.500Z");
        assertEquals(Instant.parse("2026-12-05T10:00:01.500Z"), Ticks.POSITIONS.firstAt(exactly).toInstant());
    }

    @Test
    void everySweepHasASlotOfItsOwnAtLeastASixthOfASecondFromTheOthers() {
        Instant second = Instant.parse("2026-12-05T10:00:00Z");
        Set<Long> slots = EnumSet.allOf(Ticks.class).stream()
                .map(tick -> tick.firstAt(second).toInstant().toEpochMilli() % 1000).collect(Collectors.toSet());
        assertEquals(Ticks.values().length, slots.size());
        for (long a : slots) {
            for (long b : slots) {
                if (a != b) {
                    long apart = Math.min(Math.abs(a - b), 1000 - Math.abs(a - b));
                    assertTrue(apart >= 160, a + " and " + b + " are " + apart + " ms apart");
                }
            }
        }
    }
}
