package callcenter.agents.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** api.md section 8: an agent who cannot take a call is away with the reason, and available again once it can. */
class AgentReadinessTest {

    private final Instant now = Instant.parse("2026-12-04T21:00:00Z");
    private final AgentPresence presence = new AgentPresence(UUID.randomUUID(), AgentStatus.AVAILABLE, null, now);

    @Test
    void whatAReportLacksMicrophoneFirst() {
        assertEquals(AwayReason.MICROPHONE, AwayReason.lacking("denied", false));
        assertEquals(AwayReason.MICROPHONE, AwayReason.lacking("prompt", true));
        assertEquals(AwayReason.AUDIO, AwayReason.lacking("granted", false));
        assertNull(AwayReason.lacking("granted", true));
    }

    @Test
    void anAvailableAgentThatCannotTakeACallIsAwayWithTheReasonUntilItCan() {
        long version = presence.version();
        assertTrue(presence.ready(AwayReason.MICROPHONE, now));
        assertEquals(AgentStatus.AWAY, presence.status());
        assertEquals("microphone", presence.awayReason());
        assertEquals(version + 1, presence.version());

        assertFalse(presence.ready(AwayReason.MICROPHONE, now), "the same report again changes nothing");
        assertTrue(presence.ready(AwayReason.AUDIO, now));
        assertEquals("audio", presence.awayReason());

        assertTrue(presence.ready(null, now));
        assertEquals(AgentStatus.AVAILABLE, presence.status());
        assertNull(presence.awayReason());
    }

    @Test
    void askingToBeAvailableKeepsAnUnreadyAgentAway() {
        presence.ready(AwayReason.AUDIO, now);
        presence.change(AgentStatus.AVAILABLE, null, true, now);
        assertEquals(AgentStatus.AWAY, presence.status());
        assertEquals("audio", presence.awayReason());
    }

    @Test
    void anAwayTheAgentAskedForOrABusyAgentIsNotChangedByAReport() {
        presence.change(AgentStatus.AWAY, null, true, now);
        assertFalse(presence.ready(AwayReason.MICROPHONE, now));
        assertFalse(presence.ready(null, now));
        assertEquals(AgentStatus.AWAY, presence.status());
        assertNull(presence.awayReason());

        presence.change(AgentStatus.BUSY, null, true, now);
        assertFalse(presence.ready(AwayReason.MICROPHONE, now));
        assertEquals(AgentStatus.BUSY, presence.status());
        presence.change(AgentStatus.AVAILABLE, null, true, now);
        assertEquals(AgentStatus.AWAY, presence.status(), "the call ended: away, as the page reported");
        assertEquals("microphone", presence.awayReason());
    }

    @Test
    void theSecondMissedOfferInARowSetsTheAgentAwayAsUnresponsive() {
        assertFalse(presence.offerMissed(now));
        assertTrue(presence.offerMissed(now));
        assertEquals(AgentStatus.AWAY, presence.status());
        assertEquals("unresponsive", presence.awayReason());
        assertFalse(presence.ready(null, now), "a ready report does not clear unresponsive");

        presence.change(AgentStatus.AVAILABLE, null, true, now);
        assertEquals(AgentStatus.AVAILABLE, presence.status());
        assertNull(presence.awayReason());
    }

    @Test
    void anAnsweredOfferStartsTheCountAgain() {
        presence.offerMissed(now);
        presence.offerAnswered();
        assertFalse(presence.offerMissed(now));
        assertEquals(AgentStatus.AVAILABLE, presence.status());
        assertEquals(1, presence.missedOffers());
    }
}
