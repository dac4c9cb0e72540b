package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SettledCallsTest {

    private final SettledCalls settled = new SettledCalls();
    private final RecordingWriter writer = new RecordingWriter();
    private final CallEvents events = new CallEvents();

    SettledCallsTest() {
        events.settled = settled;
        events.writer = writer;
        // No CallService: an accept that reached the database would fail this test with a NullPointerException.
    }

    @Test
    void anEndedCallStaysEndedWhateverArrivesAfter() {
        UUID call = UUID.randomUUID();
        settled.follow("call:ended", "call:" + call);
        settled.follow("call:taken", "call:" + call);
        assertEquals(Optional.of(SettledCalls.Settled.ENDED), settled.of(call));
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

    @Test
    void anAcceptOfASettledCallIsAnsweredWithoutTheDatabase() {
        Peer agent = Peers.agent(UUID.randomUUID(), true);
        UUID taken = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        settled.follow("call:accepted", "call:" + taken);
        settled.follow("call:ended", "call:" + ended);
        events.accept(agent, null, taken);
        events.accept(agent, null, ended);
        List<String> frames = writer.to(agent);
        assertEquals(2, frames.size());
        assertTrue(frames.get(0).contains("\"code\":\"call_already_taken\"") && frames.get(0).contains(taken.toString()),
                frames.get(0));
        assertTrue(frames.get(1).contains("\"code\":\"call_not_active\""), frames.get(1));
    }
}
