package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class ClientEventsTest {

    /** Which handler got which event, and the call it named. */
    private final List<String> handled = new ArrayList<>();
    private final RecordingWriter writer = new RecordingWriter();
    private final ClientEvents events = new ClientEvents();
    private final UUID call = UUID.randomUUID();
    private final Peer agent = Peers.agent(UUID.randomUUID(), true);
    private RuntimeException failure;

    ClientEventsTest() {
        events.writer = writer;
        events.presence = new PresenceEvents() {
            @Override
            void register(Peer peer, Envelope envelope, UUID callId) {
                record("register", envelope, callId);
            }

            @Override
            void status(Peer peer, Envelope envelope, UUID callId) {
                record("status", envelope, callId);
            }
        };
        events.calls = new CallEvents() {
            @Override
            void accept(Peer peer, Envelope envelope, UUID callId) {
                record("accept", envelope, callId);
            }

            @Override
            void decline(Peer peer, Envelope envelope, UUID callId) {
                record("decline", envelope, callId);
            }

            @Override
            void ended(Peer peer, Envelope envelope, UUID callId) {
                record("ended", envelope, callId);
            }
        };
        events.signals = new SignalEvents() {
            @Override
            void description(Peer peer, Envelope envelope, UUID callId) {
                record("description", envelope, callId);
            }

            @Override
            void candidate(Peer peer, Envelope envelope, UUID callId) {
                record("candidate", envelope, callId);
            }
        };
        events.route();
    }

    @Test
    void everyClientEventOfTheContractHasARoute() {
        Map<String, ClientEvents.Route> routes = ClientEvents.routes(events.presence, events.calls, events.signals);
        assertEquals(Set.of("agent:register", "agent:status", "agent:ready", "call:accept", "call:decline",
                "call:ended", "webrtc:offer", "webrtc:answer", "webrtc:ice", "webrtc:restart"), routes.keySet());
        assertEquals(Set.of("call:ended", "webrtc:offer", "webrtc:answer", "webrtc:ice", "webrtc:restart"), routes.entrySet().stream()
                .filter(e -> e.getValue().forCallers()).map(Map.Entry::getKey).collect(Collectors.toSet()),
                "a caller may send only webrtc:* and call:ended");
        assertEquals(Set.of("agent:register", "agent:status", "agent:ready"), routes.entrySet().stream()
                .filter(e -> !e.getValue().aboutACall()).map(Map.Entry::getKey).collect(Collectors.toSet()),
                "every other event names its call");
    }

    @Test
    void eachEventReachesTheHandlerOfItsFamilyWithTheCallItNames() {
        for (String event : List.of("call:accept", "call:decline", "call:ended", "webrtc:offer", "webrtc:answer",
                "webrtc:ice")) {
            events.handle(agent, frame(event, "{\"callId\":\"" + call + "\"}"));
        }
        events.handle(agent, frame("agent:register", "{}"));
        events.handle(agent, frame("agent:status", "{\"status\":\"away\"}"));
        assertEquals(List.of("accept call:accept " + call, "decline call:decline " + call, "ended call:ended " + call,
                "description webrtc:offer " + call, "description webrtc:answer " + call, "candidate webrtc:ice " + call,
                "register agent:register null", "status agent:status null"), handled);
        assertEquals(List.of(), writer.to(agent), "no error");
    }

    @Test
    void anUnknownEventIsAnUnknownEventError() {
        events.handle(agent, frame("no:such:event", "{}"));
        assertEquals("unknown_event", error(agent).getString("code"));
        assertEquals("Unknown event no:such:event", error(agent).getString("message"));
    }

    @Test
    void aCallerSendingAnAgentsEventIsForbiddenAndNothingRuns() {
        Peer caller = Peers.caller(call);
        events.handle(caller, frame("agent:register", "{}"));
        events.handle(caller, frame("call:accept", "{\"callId\":\"" + call + "\"}"));
        assertEquals(List.of(), handled);
        assertEquals(2, writer.to(caller).size());
        assertEquals("forbidden", error(caller).getString("code"));
        assertTrue(error(caller).getString("message").contains("only webrtc:* and call:ended"));
    }

    @Test
    void aMalformedFrameOrCallIdIsABadRequestWithoutACall() {
        events.handle(agent, "not json");
        assertEquals("bad_request", error(agent).getString("code"));
        events.handle(agent, frame("call:accept", "{\"callId\":\"not-a-uuid\"}"));
        assertEquals("bad_request", error(agent).getString("code"));
        assertEquals(false, error(agent).containsKey("callId"));
        assertEquals(List.of(), handled);
    }

    @Test
    void aFailureAboutACallNamesTheCall() {
        failure = CallCenterException.conflict("call-already-taken", "Call already taken", "taken by another agent");
        events.handle(agent, frame("call:accept", "{\"callId\":\"" + call + "\"}"));
        assertEquals("call_already_taken", error(agent).getString("code"));
        assertEquals("taken by another agent", error(agent).getString("message"));
        assertEquals(call.toString(), error(agent).getString("callId"));

        failure = new Envelope.BadFrame("\"sdp\" is required");
        events.handle(agent, frame("webrtc:offer", "{\"callId\":\"" + call + "\"}"));
        assertEquals("bad_request", error(agent).getString("code"));
        assertEquals(call.toString(), error(agent).getString("callId"));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorThatTellsNothing() {
        failure = new IllegalStateException("a database detail");
        events.handle(agent, frame("agent:register", "{}"));
        assertEquals("internal", error(agent).getString("code"));
        assertEquals("Something went wrong on our side", error(agent).getString("message"));
    }

    private void record(String handler, Envelope envelope, UUID callId) {
        if (failure != null) {
            throw failure;
        }
        handled.add(handler + " " + envelope.event() + " " + callId);
    }

    private JsonObject error(Peer peer) {
        List<String> frames = writer.to(peer);
        JsonObject frame = Json.createReader(new StringReader(frames.get(frames.size() - 1))).readObject();
        assertEquals("error", frame.getString("event"));
        return frame.getJsonObject("data");
    }

    private static String frame(String event, String data) {
        return "{\"event\":\"" + event + "\",\"data\":" + data + "}";
    }
}
