package callcenter.calls.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The transition rules exactly as the conditional UPDATEs bind them (CallTransitionsTest checks the binding). */
class CallStatusTest {

    private static final Set<CallStatus> OPEN = EnumSet.of(CallStatus.DIALING, CallStatus.WAITING, CallStatus.ACTIVE);

    @Test
    void anAgentTakesAWaitingCallOrOneTheCarrierAnsweredAlone() {
        assertEquals(EnumSet.of(CallStatus.WAITING, CallStatus.ACTIVE), CallStatus.acceptableFrom());
    }

    @Test
    void theCarrierAnswersADialingOrAWaitingCall() {
        assertEquals(EnumSet.of(CallStatus.DIALING, CallStatus.WAITING), CallStatus.answerableFrom());
    }

    @Test
    void endingAWaitingCallMissesItAndEndingADialingOrActiveOneEndsIt() {
        assertEquals(Optional.of(CallStatus.MISSED), CallStatus.WAITING.afterEnd());
        assertEquals(Optional.of(CallStatus.ENDED), CallStatus.ACTIVE.afterEnd());
        assertEquals(Optional.of(CallStatus.ENDED), CallStatus.DIALING.afterEnd());
    }

    @Test
    void eachFinalStatusIsReachedOnlyFromItsOwnOpenStatuses() {
        assertEquals(EnumSet.of(CallStatus.WAITING), CallStatus.MISSED.finalFrom());
        assertEquals(EnumSet.of(CallStatus.DIALING, CallStatus.ACTIVE), CallStatus.ENDED.finalFrom());
        assertEquals(EnumSet.of(CallStatus.DIALING), CallStatus.FAILED.finalFrom(), "only the carrier refuses a call");
        for (CallStatus open : OPEN) {
            assertEquals(Set.of(), open.finalFrom(), open + " is no end");
            CallStatus next = open.afterEnd().orElseThrow();
            assertTrue(next.finalFrom().contains(open), "the end UPDATE must accept " + open + " -> " + next);
        }
    }

    @Test
    void finalStatusesNeverChange() {
        assertEquals(EnumSet.of(CallStatus.ENDED, CallStatus.MISSED, CallStatus.FAILED), CallStatus.finals());
        for (CallStatus status : CallStatus.values()) {
            assertEquals(!OPEN.contains(status), status.isFinal(), status.name());
        }
        for (CallStatus done : CallStatus.finals()) {
            assertEquals(Optional.empty(), done.afterEnd(), done.name());
            assertFalse(CallStatus.acceptableFrom().contains(done), done.name());
            assertFalse(CallStatus.answerableFrom().contains(done), done.name());
            assertTrue(Arrays.stream(CallStatus.values()).noneMatch(s -> s.finalFrom().contains(done)), done.name());
        }
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
