package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.calls.boundary.AcceptRefusal;

class SettledCallsTest {

    private final SettledCalls settled = new SettledCalls();

    @Test
    void anEndedCallStaysEndedWhateverArrivesAfter() {
        UUID call = UUID.randomUUID();
        settled.follow("call:ended", "call:" + call);
        settled.follow("call:taken", "call:" + call);
        assertEquals(Optional.of(AcceptRefusal.ENDED), settled.of(call));
    }

    @Test
    void eventsOfNoCallOrOfOtherKindsSettleNothing() {
        UUID call = UUID.randomUUID();
        settled.follow("call:incoming", "call:" + call);
        settled.follow("call:updated", "call:" + call);
        settled.follow("call:taken", "agent:" + call);
        settled.follow("call:taken", null);
        settled.follow("call:taken", "call:not-a-uuid");
        assertEquals(Optional.empty(), settled.of(call));
    }

    @Test
    void theOldestAreForgottenFirst() {
        UUID first = UUID.randomUUID();
        settled.follow("call:taken", "call:" + first);
        for (int i = 0; i < SettledCalls.CAPACITY; i++) {
            settled.follow("call:ended", "call:" + UUID.randomUUID());
        }
        assertEquals(Optional.empty(), settled.of(first));
    }
}
