package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import callcenter.agents.entity.AgentStatus;
import callcenter.calls.boundary.AcceptRefusal;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.web.SettledCalls;

class PushDeliveryTest {

    private final SocketRegistry registry = new SocketRegistry();
    private final RecordingWriter writer = new RecordingWriter();
    private final PushDelivery delivery = new PushDelivery();
    private final UUID ann = UUID.randomUUID();
    private final Peer annTab = Peers.agent(ann, true);
    private final Peer bobTab = Peers.agent(UUID.randomUUID(), true);

    PushDeliveryTest() {
        delivery.registry = registry;
        delivery.writer = writer;
        delivery.settled = new SettledCalls();
        delivery.presence = new PresenceBatch();
        delivery.presence.registry = registry;
        delivery.presence.writer = writer;
        delivery.presence.later = (task, delay) -> task.run(); // every change its own window
        registry.add(annTab);
        registry.add(bobTab);
    }

    @Test
    void theStatusOfAnAgentFollowsAgentUpdatedFromAnyNode() {
        delivery.deliver(updated(ann, "available", 1));
        assertEquals(AgentStatus.AVAILABLE, registry.status(ann));
        delivery.deliver(updated(ann, "busy", 2));
        assertEquals(AgentStatus.BUSY, registry.status(ann));
        assertEquals(2, writer.to(bobTab).size(), "every registered agent is told");
    }

    @Test
    void anOlderAgentUpdatedChangesNothingAndIsNotPushed() {
        delivery.deliver(updated(ann, "busy", 5));
        delivery.deliver(updated(ann, "available", 4));
        assertEquals(AgentStatus.BUSY, registry.status(ann));
        assertEquals(1, writer.to(bobTab).size());
    }

    @Test
    void theOwnRegistrationCountsAtOnceAndItsEventComingBackLaterChangesNothing() {
        delivery.statusChanged(ann, AgentStatus.AVAILABLE, 3);
        assertEquals(List.of(annTab), registry.audience(Audience.available()));
        delivery.deliver(updated(ann, "away", 2));
        assertEquals(AgentStatus.AVAILABLE, registry.status(ann));
    }

    @Test
    void anIncomingCallGoesOnlyToAvailableAgentsAndNeverAfterItsTaken() {
        UUID call = UUID.randomUUID();
        delivery.deliver(updated(ann, "available", 1));
        delivery.deliver(Push.of("call:taken", "{}", Audience.agents().except(ann)).forCall(call, 2));
        delivery.deliver(Push.of("call:incoming", "{}", Audience.available()).forCall(call, 1));
        assertEquals(List.of("{\"event\":\"call:taken\",\"data\":{}}"), writer.to(bobTab).subList(1, 2));
        assertEquals(2, writer.to(bobTab).size(), "the stale call:incoming was dropped");
        assertEquals(1, writer.to(annTab).size(), "ann got only its own agent:updated");
    }

    @Test
    void aCallPushedAsTakenOrEndedIsRememberedAsSettled() {
        UUID taken = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        delivery.deliver(Push.of("call:incoming", "{}", Audience.available()).forCall(taken, 1));
        assertEquals(Optional.empty(), delivery.settled.of(taken), "a ringing call is not settled");
        delivery.deliver(Push.of("call:taken", "{}", Audience.agents().except(ann)).forCall(taken, 2));
        delivery.deliver(Push.of("call:ended", "{}", Audience.agents()).forCall(ended, 3));
        assertEquals(Optional.of(AcceptRefusal.TAKEN), delivery.settled.of(taken));
        assertEquals(Optional.of(AcceptRefusal.ENDED), delivery.settled.of(ended));
    }

    /** api.md section 8: an agent the server set away shows why; the status must still be followed from it. */
    @Test
    void anAwayWithAReasonIsFollowedAndLeavesTheAgentOutOfTheAvailableAudience() {
        delivery.statusChanged(ann, AgentStatus.AVAILABLE, 1);
        delivery.deliver(Push.of("agent:updated", "{\"agentId\":\"" + ann + "\",\"agentName\":\"A\",\"reason\":"
                + "\"microphone\",\"status\":\"away\"}", Audience.agents()).ordered("agent:" + ann, 2));
        assertEquals(AgentStatus.AWAY, registry.status(ann));
        assertEquals(List.of(), registry.audience(Audience.available()));
    }

    @Test
    void aMalformedAgentUpdatedIsStillPushedButChangesNoStatus() {
        delivery.deliver(Push.of("agent:updated", "{\"agentId\":\"not a uuid\"}", Audience.agents()));
        assertEquals(1, writer.to(annTab).size());
        assertEquals(null, registry.status(ann));
    }

    @Test
    void revokedSocketsAreClosedNotSentTo() {
        delivery.deliver(Push.revokeSockets(ann));
        assertEquals(CloseReason.CloseCodes.VIOLATED_POLICY, writer.closed.get(annTab));
        assertEquals(1, writer.closed.size());
        assertEquals(0, writer.sent.size());
    }

    private static Push updated(UUID agent, String status, long version) {
        String data = "{\"agentId\":\"" + agent + "\",\"agentName\":\"A\",\"extension\":null,\"status\":\"" + status + "\"}";
        return Push.of("agent:updated", data, Audience.agents()).ordered("agent:" + agent, version);
    }
}
