package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJBException;
import jakarta.websocket.CloseReason;

import org.junit.jupiter.api.Test;

import callcenter.agents.boundary.PresenceService;
import callcenter.agents.boundary.Registration;
import callcenter.common.CallCenterException;
import callcenter.platform.Settings;

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
    void aRegistrationRefusedWhileTheBrokerIsAwayIsTriedAgainByReconnecting() {
        failure = CallCenterException.unavailable("The event broker is not reachable");
        events().register(peer, register(), null);
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, writer.closed.get(peer));
    }
}
