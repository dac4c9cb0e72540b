package callcenter.agents.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AgentPresenceTest {

    private final Instant t0 = Instant.parse("2026-11-23T17:00:00Z");
    private final AgentPresence presence = new AgentPresence(UUID.randomUUID(), AgentStatus.AVAILABLE, "204", t0);

    @Test
    void theFirstChangeIsVersionOne() {
        assertEquals(1, presence.version());
        assertEquals(AgentStatus.AVAILABLE, presence.status());
        assertNull(presence.disconnectedAt());
    }

    @Test
    void everyChangeBumpsTheVersionAlsoWhenTheStatusStays() {
        presence.change(AgentStatus.AVAILABLE, null, true, t0.plusSeconds(1));
        presence.change(AgentStatus.AWAY, null, true, t0.plusSeconds(2));
        assertEquals(3, presence.version());
        assertEquals(AgentStatus.AWAY, presence.status());
    }

    @Test
    void theRegisteredExtensionWinsOverTheUsersAndStaysUntilAnotherIsRegistered() {
        assertEquals("204", presence.extensionOr("100"));
        presence.change(AgentStatus.BUSY, null, true, t0);
        assertEquals("204", presence.extensionOr("100"));
        presence.change(AgentStatus.BUSY, "301", true, t0);
        assertEquals("301", presence.extensionOr("100"));
        assertEquals("100", new AgentPresence(UUID.randomUUID(), AgentStatus.BUSY, null, t0).extensionOr("100"));
    }

    @Test
    void aClosedLastSocketStartsTheGracePeriodWithoutTellingAnyone() {
        presence.lastSocketClosed(t0.plusSeconds(5));
        assertEquals(t0.plusSeconds(5), presence.disconnectedAt());
        assertEquals(1, presence.version());
        assertEquals(AgentStatus.AVAILABLE, presence.status());
    }

    @Test
    void onlyAChangeWithASocketOpenEndsTheGracePeriod() {
        presence.lastSocketClosed(t0.plusSeconds(5));
        presence.change(AgentStatus.OFFLINE, null, false, t0.plusSeconds(30));
        assertEquals(t0.plusSeconds(5), presence.disconnectedAt(), "a call that ended while away");
        presence.change(AgentStatus.AVAILABLE, null, true, t0.plusSeconds(40));
        assertNull(presence.disconnectedAt(), "came back");
    }
}
