package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Routing survives a restart (api.md section 7, issue 16): a call that waits in a one-at-a-time queue while the
 * server stops is offered after it comes back, by the restarted node's sweep, because nothing of routing lives in a
 * JVM. Runs the real bootable jar twice on the same data directory, with its embedded database (so this also checks
 * that routing's SQL works on H2).
 */
class RoutingRestartIT {

    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final int PORT = Integer.getInteger("it.jar.port", 18080) + 500;
    private static final Map<String, String> ENV = Map.of("CALLCENTER_ADMIN_PASSWORD", "routing-restart-admin-1",
            "CALLCENTER_RING_TIMEOUT_SECONDS", "600");

    @Test
    void aCallWaitingWhenTheServerStopsIsOfferedAfterItComesBack() throws Exception {
        Path dir = Path.of(System.getProperty("it.work.dir"), "routing-restart-" + System.nanoTime());
        Files.createDirectories(dir);
        Api.TestUser agent;
        String callId;
        String adminToken;
        try (BootableJar server = BootableJar.start(dir, PORT, ENV)) {
            assertTrue(server.awaitReady(BOOT), "never ready:\n" + server.outputText());
            Api api = Api.at(server.url());
            adminToken = api.login("admin", "routing-restart-admin-1");
            assertEquals(201, api.post("api/queues", "{\"name\":\"after-restart\",\"strategy\":\"longest-idle\"}",
                    adminToken).status());
            String username = "restart_agent";
            assertEquals(201, api.post("api/users", "{\"username\":\"" + username + "\",\"displayName\":\"Restart Agent\","
                    + "\"password\":\"restart-agent-pw\",\"extension\":\"501\",\"role\":\"agent\"}", adminToken).status());
            String agentId = api.get("api/users?limit=5", adminToken).json().getJsonArray("items").stream()
                    .map(v -> v.asJsonObject()).filter(u -> username.equals(u.getString("username"))).findFirst()
                    .orElseThrow().getString("id");
            assertEquals(200, api.patch("api/users/" + agentId, "{\"queues\":[\"after-restart\"]}", adminToken).status());
            agent = new Api.TestUser(agentId, username, "restart-agent-pw", api.login(username, "restart-agent-pw"));
            Api.Reply call = api.post("api/calls/initiate", "{\"callerName\":\"Left waiting\",\"phoneNumber\":\"0711000111\","
                    + "\"queueName\":\"after-restart\"}", api.clientToken(adminToken));
            assertEquals(201, call.status(), call.toString());
            callId = call.json().getString("id");
            assertEquals(1, call.json().getInt("queuePosition"));
        }
        try (BootableJar server = BootableJar.start(dir, PORT, ENV)) {
            assertTrue(server.awaitReady(BOOT), "never ready after restart:\n" + server.outputText());
            Api api = Api.at(server.url());
            try (WsClient socket = WsClient.agent(server.url(), agent.token())) {
                JsonObject incoming = socket.awaitCall("call:incoming", callId, Duration.ofSeconds(20));
                assertEquals("after-restart", incoming.getString("queue"));
            }
            JsonObject call = api.get("api/calls/" + callId, adminToken).json();
            assertEquals("waiting", call.getString("status"));
            assertTrue(call.getJsonArray("events").stream().anyMatch(e -> "offered".equals(e.asJsonObject().getString("type"))
                    && agent.id().equals(e.asJsonObject().getJsonObject("data").getString("agentId", null))), call.toString());
        }
    }
}
