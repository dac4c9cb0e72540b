package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.Roles;

class CallAccessTest {

    private final UUID agentId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private final Actor agent = Actor.user(agentId, "ann", Roles.AGENT);
    private final Actor otherAgent = Actor.user(UUID.randomUUID(), "bob", Roles.AGENT);
    private final Actor supervisor = Actor.user(UUID.randomUUID(), "sue", Roles.SUPERVISOR);
    private final Actor client = new Actor(clientId, "app", Roles.CLIENT, null);
    private final Actor otherClient = new Actor(UUID.randomUUID(), "other", Roles.CLIENT, null);

    private static Actor callerOf(CallLog call) {
        return new Actor(call.id(), "caller", Roles.CALLER, call.id());
    }

    @Test
    void thePartiesOfACallAreItsAgentItsClientItsCallerAndSupervisors() {
        CallLog mine = CallLogs.inbound(CallStatus.ACTIVE, agentId);
        for (Actor party : List.of(agent, supervisor, callerOf(mine))) {
            assertTrue(CallAccess.isParty(mine, party), party.name());
            assertTrue(CallAccess.visible(mine, party), party.name());
        }
        for (Actor stranger : List.of(otherAgent, client, callerOf(CallLogs.inbound(CallStatus.ACTIVE, agentId)))) {
            assertFalse(CallAccess.isParty(mine, stranger), stranger.name());
            assertFalse(CallAccess.visible(mine, stranger), stranger.name());
        }
        CallLog started = CallLogs.startedBy(clientId, CallStatus.DIALING);
        assertTrue(CallAccess.isParty(started, client));
        assertFalse(CallAccess.isParty(started, otherClient));
        assertFalse(CallAccess.visible(started, agent));
    }

    @Test
    void everyAgentSeesAWaitingCallButIsNoPartyOfIt() {
        CallLog waiting = CallLogs.inbound(CallStatus.WAITING, null);
        assertTrue(CallAccess.visible(waiting, otherAgent));
        assertFalse(CallAccess.isParty(waiting, otherAgent));
        assertFalse(CallAccess.visible(waiting, otherClient), "clients see only the calls they started");
    }

    @Test
    void theListQueryHasTheSameRule() {
        CallAccess.Restriction forAgent = CallAccess.listable(agent);
        assertEquals("(c.agentId = :access0 OR c.status = :access1)", forAgent.jpql());
        assertEquals(Map.of("access0", agentId, "access1", CallStatus.WAITING), forAgent.parameters());

        CallAccess.Restriction forClient = CallAccess.listable(client);
        assertEquals("(c.createdByClientId = :access0)", forClient.jpql());
        assertEquals(Map.of("access0", clientId), forClient.parameters());

        assertNull(CallAccess.listable(supervisor), "supervisors list every call");
        CallLog call = CallLogs.inbound(CallStatus.ACTIVE, agentId);
        assertEquals(403, assertThrows(CallCenterException.class, () -> CallAccess.listable(callerOf(call))).status());
    }
}
