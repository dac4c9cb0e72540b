package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ejb.EJBException;
import jakarta.json.JsonReader;
import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import callcenter.agents.boundary.AgentView;
import callcenter.agents.boundary.PresenceService;
import callcenter.agents.boundary.Registration;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.calls.boundary.CallView;
import callcenter.platform.Settings;
import callcenter.routing.boundary.WaitingSnapshot;

class PresenceEventsTest {

    private final RecordingWriter writer = new RecordingWriter();
    private final Peer peer = Peers.agent(UUID.randomUUID(), false);
    private RuntimeException failure;

    private PresenceEvents events() {
        PresenceEvents events = new PresenceEvents();
        events.writer = writer;
        events.settings = new Settings() {
            @Override
            public String nodeId() {
                return "node1";
            }
        };
        events.presence = new PresenceService() {
            @Override
            public Registration register(UUID userId, String socketId, String nodeId, String extension) {
                throw failure;
            }
        };
        return events;
    }

    private static Envelope register() {
        return Envelope.parse("{\"event\":\"agent:register\",\"data\":{}}");
    }

    @Test
    void aRegistrationTheServerCouldNotRecordClosesTheSocketSoThatTheDashboardRegistersAgain() {
        failure = new EJBException("IJ000453: Unable to get managed connection");
        events().register(peer, register(), null);
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, writer.closed.get(peer));
        assertFalse(peer.registered);
        assertEquals(List.of(), writer.to(peer), "nothing else is said: the close says reconnect");
    }

    @Test
    void aRegistrationRefusedForTheAgentsOwnReasonIsAnErrorAndTheSocketStaysOpen() {
        failure = CallCenterException.invalid("extension", "must be at most 32 characters");
        assertThrows(CallCenterException.class, () -> events().register(peer, register(), null));
        assertTrue(writer.closed.isEmpty());
        assertFalse(peer.registered);
    }

    @Test
    void aRegistrationWaitingForItsAgentsListFreesItsThreadAndIsAnsweredInOrderOnceTheListIsRead() throws Exception {
        CountDownLatch firstReadBegan = new CountDownLatch(1);
        CountDownLatch firstReadMayEnd = new CountDownLatch(1);
        AtomicInteger reads = new AtomicInteger();
        PresenceEvents events = new PresenceEvents();
        events.writer = writer;
        events.settings = events().settings;
        events.delivery = new PushDelivery();
        events.delivery.registry = new SocketRegistry();
        events.snapshot = new WaitingSnapshot() {
            @Override
            public List<CallView> of(UUID agentId) {
                return List.of();
            }
        };
        events.presence = new PresenceService() {
            @Override
            public Registration register(UUID userId, String socketId, String nodeId, String extension) {
                return new Registration(new AgentView(userId, "Ann", null, "available", null), 1, null);
            }

            @Override
            public List<AgentView> agents() {
                if (reads.incrementAndGet() == 1) {
                    firstReadBegan.countDown();
                    try {
                        firstReadMayEnd.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return List.of();
            }
        };
        events.start(Runnable::run);
        Peer first = Peers.agent(UUID.randomUUID(), false);
        Thread reading = new Thread(() -> events.register(first, register(), null));
        reading.start();
        assertTrue(firstReadBegan.await(5, TimeUnit.SECONDS));

        // A second registration while the first one's list is read: its list is the next read, and until then it
        // must not hold the thread it came on (a node has 32 of them for every socket's messages).
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> events.register(peer, register(), null));
        assertTrue(peer.registered);
        assertEquals(List.of(), writer.to(peer), "nothing before its list");

        firstReadMayEnd.countDown();
        reading.join(5_000);
        assertEquals(2, reads.get());
        assertEquals(List.of("agents:list", "calls:waiting"), events(writer.to(peer)));
        assertEquals(List.of("agents:list", "calls:waiting"), events(writer.to(first)));
        assertTrue(writer.closed.isEmpty());
    }

    private static List<String> events(List<String> frames) {
        return frames.stream().map(f -> {
            try (JsonReader reader = JsonP.createReader(new StringReader(f))) {
                return reader.readObject().getString("event");
            }
        }).toList();
    }

    @Test
    void aRegistrationRefusedWhileTheBrokerIsAwayIsTriedAgainByReconnecting() {
        failure = CallCenterException.unavailable("The event broker is not reachable");
        events().register(peer, register(), null);
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, writer.closed.get(peer));
    }
}
