package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The frames a joining caller catches up with, as api.md sections 5 and 7 show them. */
class CallerJoinsTest {

    private static final UUID CALL = UUID.fromString("7c3c0d5e-1111-4222-8333-444455556666");

    @Test
    void anEndedCallIsWrittenWithEveryFieldAlsoWithoutACause() {
        assertEquals("{\"event\":\"call:ended\",\"data\":{\"callId\":\"7c3c0d5e-1111-4222-8333-444455556666\","
                        + "\"durationSeconds\":0,\"hangupCause\":null,\"status\":\"missed\"}}",
                Frames.of("call:ended", new CallerJoins.Ended(CALL, "missed", 0, null)));
    }

    @Test
    void aPlaceIsWrittenWithItsEstimateAlsoWhenUnknown() {
        assertEquals("{\"event\":\"queue:position\",\"data\":{\"callId\":\"7c3c0d5e-1111-4222-8333-444455556666\","
                        + "\"estimatedWaitSeconds\":null,\"position\":3,\"queue\":\"billing\"}}",
                Frames.of("queue:position", new CallerJoins.Place(CALL, "billing", 3, null)));
        assertEquals("{\"event\":\"queue:position\",\"data\":{\"callId\":\"7c3c0d5e-1111-4222-8333-444455556666\","
                        + "\"estimatedWaitSeconds\":120,\"position\":1,\"queue\":\"general\"}}",
                Frames.of("queue:position", new CallerJoins.Place(CALL, "general", 1, 120)));
    }
}
