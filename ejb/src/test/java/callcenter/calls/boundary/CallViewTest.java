package callcenter.calls.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class CallViewTest {

    private final UUID id = UUID.randomUUID();

    private CallView waiting() {
        return new CallView(id, "inbound", "app", "waiting", "Ann", "+254711000111", null, null, null,
                CallView.iso(Instant.parse("2026-11-23T17:02:11Z")), null, null, null, null, null, null, null, null,
                null, 1);
    }

    @Test
    void listedMembersAreWrittenAsNullAndOptionalOnesLeftOut() {
        JsonObject json = waiting().toJson();
        for (String member : List.of("agent", "answeredAt", "endedAt", "durationSeconds", "hangupCause", "provider",
                "ivrOption", "queueName")) {
            assertTrue(json.containsKey(member) && json.isNull(member), member + " in " + json);
        }
        for (String member : List.of("disposition", "note", "callerToken", "events", "version")) {
            assertFalse(json.containsKey(member), member + " in " + json);
        }
        assertEquals(id.toString(), json.getString("id"));
        assertEquals("2026-11-23T17:02:11.000Z", json.getString("createdAt"), "always with milliseconds");
    }

    @Test
    void wrappedUpCallShowsDispositionAgentProviderAndEvents() {
        UUID agentId = UUID.randomUUID();
        CallView v = new CallView(id, "inbound", "telnyx", "ended", "Ann", "+254711000111", "1", "sales",
                new CallView.Agent(agentId, "Agent Smith"), "2026-11-23T17:02:11.120Z", "2026-11-23T17:02:15.000Z",
                "2026-11-23T17:03:15.000Z", 60, "normal_clearing", new CallView.Provider("telnyx", "v3:abc", null),
                "resolved", null, null, null, 7)
                .withEvents(List.of(new CallView.Event("created", "2026-11-23T17:02:11.120Z",
                        Json.createObjectBuilder().add("channel", "telnyx").build())));
        JsonObject json = v.toJson();
        assertEquals("resolved", json.getString("disposition"));
        assertTrue(json.isNull("note"));
        assertEquals("Agent Smith", json.getJsonObject("agent").getString("displayName"));
        assertEquals(agentId.toString(), json.getJsonObject("agent").getString("id"));
        assertEquals("v3:abc", json.getJsonObject("provider").getString("callControlId"));
        assertFalse(json.getJsonObject("provider").containsKey("sessionId"));
        assertEquals(60, json.getInt("durationSeconds"));
        assertEquals("telnyx", json.getJsonArray("events").getJsonObject(0).getJsonObject("data").getString("channel"));
        assertEquals("tok", v.withCallerToken("tok").toJson().getString("callerToken"));
    }
}
