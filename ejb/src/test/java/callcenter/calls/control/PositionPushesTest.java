package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.events.Audience;
import callcenter.events.Push;

/** {@code queue:position} as api.md section 7 shows it: the ticks and a joining caller's socket send the same. */
class PositionPushesTest {

    private static final UUID CALL = UUID.fromString("7c3c0d5e-1111-4222-8333-444455556666");

    @Test
    void aPlaceGoesToItsCallerWithItsEstimateAlsoWhenUnknown() {
        Push unknown = PositionPushes.position(new QueuePositions.Place(CALL, "billing", 3, null, 4));
        assertEquals(Audience.caller(CALL), unknown.audience());
        assertEquals("{\"event\":\"queue:position\",\"data\":{\"callId\":\"" + CALL + "\",\"estimatedWaitSeconds\":null,"
                + "\"position\":3,\"queue\":\"billing\"}}", unknown.frame());
        assertEquals("{\"callId\":\"" + CALL + "\",\"estimatedWaitSeconds\":120,\"position\":1,\"queue\":\"general\"}",
                PositionPushes.position(new QueuePositions.Place(CALL, "general", 1, 120, 4)).data());
    }
}
