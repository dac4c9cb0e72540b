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
}
