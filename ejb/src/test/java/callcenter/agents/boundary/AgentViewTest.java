package callcenter.agents.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.UUID;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import callcenter.agents.control.ListedAgent;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.AgentStatus;
import callcenter.users.entity.User;

class AgentViewTest {

    private final Instant now = Instant.parse("2026-11-23T17:00:00Z");
    private final UUID id = UUID.randomUUID();

    @Test
    void anAgentWhoNeverRegisteredIsOfflineWithItsUsersExtension() {
        ListedAgent agent = new ListedAgent(id, "Ann Agent", "100", null, null, null);
        assertEquals(new AgentView(id, "Ann Agent", "100", "offline", null), AgentView.of(agent));
    }

    @Test
    void aRegisteredAgentShowsItsStatusByWireNameAndTheExtensionItRegisteredWith() {
        ListedAgent agent = new ListedAgent(id, "Ann Agent", "100", AgentStatus.BUSY, "204", null);
        assertEquals(new AgentView(id, "Ann Agent", "204", "busy", null), AgentView.of(agent));
    }

    @Test
    void aListedAgentSetAwayByTheServerShowsWhyAndItsUsersExtensionWhenItRegisteredNone() {
        ListedAgent agent = new ListedAgent(id, "Ann Agent", "100", AgentStatus.AWAY, null, "unresponsive");
        assertEquals(new AgentView(id, "Ann Agent", "100", "away", "unresponsive"), AgentView.of(agent));
    }

    @Test
    void aChangedAgentIsShownWithItsUsersNameAndExtensionWhenItRegisteredNone() {
        User user = new User("ann", "ann", "Ann Agent", "100", "agent", "hash", now);
        AgentPresence presence = new AgentPresence(user.id(), AgentStatus.AWAY, null, now);
        assertEquals(new AgentView(user.id(), "Ann Agent", "100", "away", null), AgentView.of(user, presence));
    }

    @Test
    void itsJsonNamesTheExtensionAlsoWhenThereIsNoneAndAReasonOnlyWhenThereIsOne() throws Exception {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            assertEquals("{\"agentId\":\"" + id + "\",\"agentName\":\"Admin\",\"extension\":null,"
                    + "\"status\":\"available\"}", jsonb.toJson(new AgentView(id, "Admin", null, "available", null)));
            assertEquals("{\"agentId\":\"" + id + "\",\"agentName\":\"Ann\",\"extension\":\"100\","
                    + "\"reason\":\"audio\",\"status\":\"away\"}",
                    jsonb.toJson(new AgentView(id, "Ann", "100", "away", "audio")));
        }
    }
}
