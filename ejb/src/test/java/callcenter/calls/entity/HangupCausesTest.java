package callcenter.calls.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.common.Actor;
import callcenter.common.Roles;

class HangupCausesTest {

    private final UUID agentId = UUID.randomUUID();

    @Test
    void causeNamesWhoEndedTheCall() {
        assertEquals(HangupCauses.ENDED_BY_AGENT,
                HangupCauses.endedBy(Actor.user(agentId, "a", Roles.AGENT), agentId));
        assertEquals(HangupCauses.ENDED_BY_AGENT,
                HangupCauses.endedBy(Actor.user(agentId, "boss", Roles.ADMIN), agentId));
        assertEquals(HangupCauses.ENDED_BY_SUPERVISOR,
                HangupCauses.endedBy(Actor.user(UUID.randomUUID(), "s", Roles.SUPERVISOR), agentId));
        assertEquals(HangupCauses.ENDED_BY_SUPERVISOR,
                HangupCauses.endedBy(Actor.user(UUID.randomUUID(), "s", Roles.ADMIN), null));
        assertEquals(HangupCauses.ENDED_BY_CALLER,
                HangupCauses.endedBy(new Actor(UUID.randomUUID(), "c", Roles.CLIENT, null), agentId));
        UUID callId = UUID.randomUUID();
        assertEquals(HangupCauses.ENDED_BY_CALLER,
                HangupCauses.endedBy(new Actor(callId, "caller", Roles.CALLER, callId), null));
    }

    @Test
    void carrierCausesAreLowerCased() {
        assertEquals("normal_clearing", HangupCauses.carrier(" NORMAL_CLEARING "));
        assertNull(HangupCauses.carrier(""));
    }

    @Test
    void aCarrierCauseFitsItsColumnWhateverTheCarrierSent() {
        String cause = HangupCauses.carrier("X".repeat(500));
        assertEquals("x".repeat(HangupCauses.MAX_LENGTH), cause);
        assertEquals("user_busy", HangupCauses.carrier("user\u0000_busy\ud800"));
        // A 4-byte character is kept whole or not at all, never cut in half.
        String emoji = "\ud83d\ude00";
        String cut = HangupCauses.carrier("a".repeat(HangupCauses.MAX_LENGTH - 1) + emoji);
        assertEquals("a".repeat(HangupCauses.MAX_LENGTH - 1), cut);
        assertNull(HangupCauses.carrier("\u0000\u0001 "));
    }
}
