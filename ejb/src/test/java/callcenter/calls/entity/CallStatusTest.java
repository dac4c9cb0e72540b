package callcenter.calls.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallStatusTest {

    @Test
    void inboundCallMovesWaitingActiveEnded() {
        assertTrue(CallStatus.WAITING.canMoveTo(CallStatus.ACTIVE));
        assertTrue(CallStatus.ACTIVE.canMoveTo(CallStatus.ENDED));
        assertTrue(CallStatus.WAITING.canMoveTo(CallStatus.MISSED));
        assertFalse(CallStatus.WAITING.canMoveTo(CallStatus.ENDED));
        assertFalse(CallStatus.ACTIVE.canMoveTo(CallStatus.WAITING));
        assertFalse(CallStatus.ACTIVE.canMoveTo(CallStatus.MISSED));
    }

    @Test
    void outboundCallMovesDialingActiveEndedOrFails() {
        assertTrue(CallStatus.DIALING.canMoveTo(CallStatus.ACTIVE));
        assertTrue(CallStatus.DIALING.canMoveTo(CallStatus.FAILED));
        assertTrue(CallStatus.DIALING.canMoveTo(CallStatus.ENDED));
        assertFalse(CallStatus.DIALING.canMoveTo(CallStatus.MISSED));
        assertFalse(CallStatus.DIALING.canMoveTo(CallStatus.WAITING));
    }

    @Test
    void finalStatusesNeverChange() {
        for (CallStatus done : new CallStatus[]{CallStatus.ENDED, CallStatus.MISSED, CallStatus.FAILED}) {
            assertTrue(done.isFinal(), done.name());
            for (CallStatus next : CallStatus.values()) {
                assertFalse(done.canMoveTo(next), done + " -> " + next);
            }
            assertEquals(Optional.empty(), done.afterEnd(), done.name());
            assertEquals(Optional.empty(), done.afterAnswer(), done.name());
            assertFalse(done.canBeAccepted(false), done.name());
            assertFalse(done.canBeAccepted(true), done.name());
        }
        for (CallStatus open : new CallStatus[]{CallStatus.DIALING, CallStatus.WAITING, CallStatus.ACTIVE}) {
            assertFalse(open.isFinal(), open.name());
        }
    }

    @Test
    void endingAWaitingCallMissesItAndEndingAnActiveOneEndsIt() {
        assertEquals(Optional.of(CallStatus.MISSED), CallStatus.WAITING.afterEnd());
        assertEquals(Optional.of(CallStatus.ENDED), CallStatus.ACTIVE.afterEnd());
        assertEquals(Optional.of(CallStatus.ENDED), CallStatus.DIALING.afterEnd());
        for (CallStatus from : CallStatus.values()) {
            from.afterEnd().ifPresent(to -> assertTrue(from.canMoveTo(to), from + " -> " + to));
            from.afterAnswer().ifPresent(to -> assertTrue(from.canMoveTo(to), from + " -> " + to));
        }
    }

    @Test
    void onlyAWaitingCallOrAnAgentlessActiveCallCanBeAccepted() {
        assertTrue(CallStatus.WAITING.canBeAccepted(false));
        assertTrue(CallStatus.ACTIVE.canBeAccepted(false));
        assertFalse(CallStatus.ACTIVE.canBeAccepted(true));
        assertFalse(CallStatus.DIALING.canBeAccepted(false));
    }

    @Test
    void wireNamesRoundTrip() {
        for (CallStatus status : CallStatus.values()) {
            assertEquals(Optional.of(status), CallStatus.fromWire(status.wireName()));
            assertEquals(status.wireName(), new CallStatusConverter().convertToDatabaseColumn(status));
        }
        assertEquals("waiting", CallStatus.WAITING.wireName());
        assertEquals(Optional.empty(), CallStatus.fromWire("WAITING"));
        assertEquals(Optional.empty(), CallStatus.fromWire("ringing"));
    }
}
