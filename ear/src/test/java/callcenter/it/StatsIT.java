package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/stats}, the {@code stats:updated} push, and {@code GET /api/webrtc/config}. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void statsAreForSupervisorsAndAdminsOnly() {
        Api api = Api.at(base);
        Api.Reply anonymous = api.get("api/stats", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.isProblem(), anonymous.toString());
        Api.Reply agent = api.get("api/stats", api.createUser("agent").token());
        assertEquals(403, agent.status());
        assertTrue(agent.isProblem(), agent.toString());
        assertEquals(403, api.get("api/stats", api.clientToken()).status());
        assertEquals(200, api.get("api/stats", api.adminToken()).status());
    }

    @Test
    void figuresFollowTheCallsInTheDatabase() {
        Api api = Api.at(base);
        String boss = api.createUser("supervisor").token();
        Api.TestUser agent = api.createUser("agent");
        String client = api.clientToken();
        JsonObject before = stats(api, boss);
        assertEquals(Json.createArrayBuilder().add("waiting").add("active").add("longestWaitSeconds").add("agents")
                .add("today").add("queues").build().toString(), Json.createArrayBuilder(before.keySet()).build().toString());

        String answered = initiate(api, client);
        String missed = initiate(api, client);
        JsonObject ringing = stats(api, boss);
        // At least: calls left waiting by other tests may time out meanwhile (short ring timeout in the tests).
        assertTrue(ringing.getInt("waiting") >= 2, ringing.toString());
        assertTrue(ringing.getInt("longestWaitSeconds") >= 0);

        assertEquals(200, api.post("api/calls/" + answered + "/accept", null, agent.token()).status());
        assertEquals(200, api.post("api/calls/" + missed + "/end", null, client).status());
        JsonObject after = stats(api, boss);
        assertTrue(after.getInt("waiting") <= ringing.getInt("waiting") - 2, after.toString());
        assertTrue(after.getInt("active") >= 1, after.toString());
        JsonObject today = after.getJsonObject("today");
        assertEquals(before.getJsonObject("today").getInt("answered") + 1, today.getInt("answered"));
        assertTrue(today.getInt("missed") >= before.getJsonObject("today").getInt("missed") + 1, today.toString());
        double level = today.getJsonNumber("serviceLevel").doubleValue();
        assertTrue(level > 0 && level < 1, "one of the calls offered today was not answered: " + today);
        assertTrue(today.getJsonNumber("averageAnswerSeconds").doubleValue() >= 0);
        JsonObject agents = after.getJsonObject("agents");
        int total = agents.getInt("available") + agents.getInt("busy") + agents.getInt("away") + agents.getInt("offline");
        assertTrue(total >= 3, agents.toString());
        assertEquals(200, api.post("api/calls/" + answered + "/end", null, agent.token()).status());
    }

    @Test
    void supervisorsGetStatsUpdatedAfterAChange() {
        Api api = Api.at(base);
        Api.TestUser boss = api.createUser("supervisor");
        String client = api.clientToken();
        try (WsClient wallboard = WsClient.connect(base, boss.token());
             WsClient agent = WsClient.agent(base, api.createUser("agent").token())) {
            String callId = initiate(api, client);
            JsonValue pushed = wallboard.await("stats:updated",
                    d -> d.asJsonObject().getInt("waiting") >= 1, Duration.ofSeconds(5));
            assertTrue(pushed.asJsonObject().containsKey("today"));
            api.post("api/calls/" + callId + "/end", null, client);
            // An agent never gets the wallboard's figures.
            assertTrue(agent.events("stats:updated").isEmpty());
        }
    }

    @Test
    void webRtcConfigHandsOutTheIceServers() {
        Api api = Api.at(base);
        assertEquals(401, api.get("api/webrtc/config", null).status());
        Api.Reply config = api.get("api/webrtc/config", api.createUser("agent").token());
        assertEquals(200, config.status(), config.toString());
        assertEquals(JsonValue.ValueType.ARRAY, config.json().get("iceServers").getValueType());
        assertEquals(200, api.get("api/webrtc/config", api.clientToken()).status());
    }

    private static JsonObject stats(Api api, String token) {
        Api.Reply reply = api.get("api/stats", token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private static String initiate(Api api, String clientToken) {
        Api.Reply reply = api.post("api/calls/initiate", "{\"callerName\":\"Stats caller\",\"phoneNumber\":\"+254711000333\"}",
                clientToken, Map.of());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json().getString("id");
    }

    /** Issue 16: figures per queue, and per minute for the wallboard's chart. */
    @Test
    void eachQueueHasItsFiguresAndTheHistoryHasOneEntryPerMinute() {
        Api api = Api.at(base);
        String boss = api.createUser("supervisor").token();
        String queue = "stats-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.post("api/queues", "{\"name\":\"" + queue + "\",\"strategy\":\"longest-idle\"}",
                api.adminToken()).status());
        String client = api.clientToken();
        Api.Reply created = api.post("api/calls/initiate", "{\"callerName\":\"Stats\",\"phoneNumber\":\"0711000111\","
                + "\"queueName\":\"" + queue + "\"}", client);
        assertEquals(201, created.status(), created.toString());
        JsonObject mine = stats(api, boss).getJsonArray("queues").stream().map(v -> v.asJsonObject())
                .filter(q -> queue.equals(q.getString("name"))).findFirst().orElseThrow();
        assertEquals(1, mine.getInt("waiting"));
        assertEquals(1, mine.getJsonObject("today").getInt("offered"));
        assertEquals(0, mine.getInt("available"));
        assertEquals(200, api.post("api/calls/" + created.json().getString("id") + "/end", null, client).status());
        JsonObject after = stats(api, boss).getJsonArray("queues").stream().map(v -> v.asJsonObject())
                .filter(q -> queue.equals(q.getString("name"))).findFirst().orElseThrow();
        assertEquals(0, after.getInt("waiting"));
        assertEquals(1, after.getJsonObject("today").getInt("missed"));

        Api.Reply history = api.get("api/stats/history?minutes=5", boss);
        assertEquals(200, history.status(), history.toString());
        assertEquals(5, history.array().size());
        int offered = history.array().stream().mapToInt(m -> m.asJsonObject().getInt("offered")).sum();
        int missed = history.array().stream().mapToInt(m -> m.asJsonObject().getInt("missed")).sum();
        assertTrue(offered >= 1 && missed >= 1, history.body());
        assertEquals(60, api.get("api/stats/history", boss).array().size());
        for (String bad : new String[] {"0", "1441", "x", ""}) {
            Api.Reply reply = api.get("api/stats/history?minutes=" + bad, boss);
            assertEquals(400, reply.status(), bad + " → " + reply);
            assertTrue(reply.isProblem());
        }
        assertEquals(403, api.get("api/stats/history", api.createUser("agent").token()).status());
    }
}
