package callcenter.agents.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.agents.control.PresenceState;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.users.boundary.StaffMember;
import callcenter.users.entity.User;

class AgentViewTest {

    private final Instant now = Instant.parse("2026-11-23T17:00:00Z");

    @Test
    void anAgentWhoNeverRegisteredIsOfflineWithItsUsersExtension() {
        StaffMember member = new StaffMember(UUID.randomUUID(), "Ann Agent", "100");
        assertEquals(new AgentView(member.id(), "Ann Agent", "100", "offline", null), AgentView.of(member, null));
    }

    @Test
    void aRegisteredAgentShowsItsStatusByWireNameAndTheExtensionItRegisteredWith() {
        StaffMember member = new StaffMember(UUID.randomUUID(), "Ann Agent", "100");
        PresenceState presence = new PresenceState(member.id(), AgentStatus.BUSY, "204", null);
        assertEquals(new AgentView(member.id(), "Ann Agent", "204", "busy", null), AgentView.of(member, presence));
    }

    @Test
    void aListedAgentSetAwayByTheServerShowsWhyAndItsUsersExtensionWhenItRegisteredNone() {
        StaffMember member = new StaffMember(UUID.randomUUID(), "Ann Agent", "100");
        PresenceState presence = new PresenceState(member.id(), AgentStatus.AWAY, null, "unresponsive");
        assertEquals(new AgentView(member.id(), "Ann Agent", "100", "away", "unresponsive"), AgentView.of(member, presence));
    }

    @Test
    void aChangedAgentIsShownWithItsUsersNameAndExtensionWhenItRegisteredNone() {
        User user = new User("ann", "ann", "Ann Agent", "100", "agent", "hash", now);
        AgentPresence presence = new AgentPresence(user.id(), AgentStatus.AWAY, null, now);
        assertEquals(new AgentView(user.id(), "Ann Agent", "100", "away", null), AgentView.of(user, presence));
    }
}
