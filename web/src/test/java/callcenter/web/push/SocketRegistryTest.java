package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.agents.entity.AgentStatus;
import callcenter.common.Roles;
import callcenter.events.Audience;

class SocketRegistryTest {

    private final SocketRegistry registry = new SocketRegistry();
    private final UUID ann = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private final UUID sue = UUID.randomUUID();
    private final UUID call = UUID.randomUUID();
    private final Peer annTab1 = Peers.agent(ann, true);
    private final Peer annTab2 = Peers.agent(ann, true);
    private final Peer bobTab = Peers.agent(bob, true);
    private final Peer sueTab = Peers.user(sue, Roles.SUPERVISOR, true);
    private final Peer unregistered = Peers.agent(UUID.randomUUID(), false);
    private final Peer caller = Peers.caller(call);

    SocketRegistryTest() {
        for (Peer peer : List.of(annTab1, annTab2, bobTab, sueTab, unregistered, caller)) {
            registry.add(peer);
        }
    }

    @Test
    void everyRegisteredAgentSocketGetsAnAgentsEvent() {
        assertEquals(Set.of(annTab1, annTab2, bobTab, sueTab), Set.copyOf(registry.audience(Audience.agents())));
    }

    @Test
    void onlyAvailableAgentsGetAnIncomingCall() {
        assertEquals(List.of(), registry.audience(Audience.available()), "no status known yet");
        registry.status(ann, AgentStatus.AVAILABLE);
        registry.status(bob, AgentStatus.BUSY);
        registry.status(sue, AgentStatus.AWAY);
        assertEquals(Set.of(annTab1, annTab2), Set.copyOf(registry.audience(Audience.available())));
    }

    @Test
    void supervisorsAndAdminsGetTheirEventsRegisteredOrNot() {
        Peer admin = Peers.user(UUID.randomUUID(), Roles.ADMIN, false);
        registry.add(admin);
        assertEquals(Set.of(sueTab, admin), Set.copyOf(registry.audience(Audience.supervisors())));
    }

    @Test
    void itKnowsWhetherASupervisorIsConnectedUntilTheLastOneLeaves() {
        Peer admin = Peers.user(UUID.randomUUID(), Roles.ADMIN, false);
        registry.add(admin);
        registry.remove(sueTab);
        registry.remove(sueTab); // a second close of the same socket counts once
        assertTrue(registry.anySupervisor());
        registry.remove(admin);
        assertFalse(registry.anySupervisor());
        assertEquals(List.of(), registry.audience(Audience.supervisors()));
        registry.add(sueTab);
        assertTrue(registry.anySupervisor());
    }

    @Test
    void oneUserGetsItOnEverySocketAndTheCallerToo() {
        assertEquals(Set.of(annTab1, annTab2, caller), Set.copyOf(registry.audience(Audience.parties(call, ann))));
        assertEquals(List.of(caller), registry.audience(Audience.caller(call)));
        assertEquals(List.of(), registry.audience(Audience.caller(UUID.randomUUID())));
    }

    @Test
    void theWinnerOfACallIsLeftOutOfItsTaken() {
        assertEquals(Set.of(bobTab, sueTab), Set.copyOf(registry.audience(Audience.agents().except(ann))));
    }

    @Test
    void aStatusIsRememberedOnlyWhileTheAgentHasASocketHere() {
        UUID elsewhere = UUID.randomUUID();
        registry.status(elsewhere, AgentStatus.AVAILABLE);
        assertNull(registry.status(elsewhere), "an agent of another node");
        registry.status(ann, AgentStatus.AVAILABLE);
        registry.remove(annTab1);
        assertEquals(AgentStatus.AVAILABLE, registry.status(ann), "one tab is still open");
        registry.remove(annTab2);
        assertNull(registry.status(ann));
        assertEquals(List.of(), registry.audience(Audience.user(ann)));
    }

    @Test
    void removingTheCallersSocketLeavesTheAgentsAlone() {
        registry.remove(caller);
        assertEquals(Set.of(annTab1, annTab2), Set.copyOf(registry.audience(Audience.parties(call, ann))));
        assertEquals(5, registry.size());
    }
}
