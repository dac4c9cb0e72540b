package callcenter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class PushTest {

    @Test
    void survivesTheWire() {
        UUID call = UUID.randomUUID();
        UUID winner = UUID.randomUUID();
        Push event = new Push("call:taken", "{\"callId\":\"" + call + "\",\"n\":1}",
                Audience.agents().except(winner).andCaller(call), null, null).forCall(call, 7);
        Push back = Push.fromJson(event.toJson());
        assertEquals(event, back);
        assertEquals("call:" + call, back.orderKey());
        assertEquals(7L, back.sequence());
    }

    @Test
    void unorderedEventHasNoSequence() {
        UUID user = UUID.randomUUID();
        Push back = Push.fromJson(new Push("x", "[]", Audience.user(user), null, null).toJson());
        assertNull(back.sequence());
        assertEquals(user, back.audience().userId());
    }

    @Test
    void frameIsTheEnvelope() {
        assertEquals("{\"event\":\"call:ended\",\"data\":{\"a\":\"\\\"q\"}}",
                new Push("call:ended", "{\"a\":\"\\\"q\"}", Audience.agents(), null, null).frame());
    }
}
