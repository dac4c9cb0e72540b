package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

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

/**
 * Agent reachability and reconnection (api.md section 8) over the WebSocket: {@code agent:ready} keeps an agent who
 * cannot take a call from being offered one (ring-all and one at a time) and shows it away with the reason; two
 * missed one-at-a-time offers in a row set an agent away as unresponsive; {@code webrtc:restart} reaches the other
 * party; a reloaded dashboard gets its active call back. Each test has its own queue and agents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReachabilityIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    private Api api() {
        return Api.at(base);
    }

    private String queue(String strategy, int offerTimeoutSeconds) {
        String name = "reach-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply created = api().post("api/queues", "{\"name\":\"" + name + "\",\"strategy\":\"" + strategy
                + "\",\"offerTimeoutSeconds\":" + offerTimeoutSeconds + "}", api().adminToken());
        assertEquals(201, created.status(), created.toString());
        return name;
    }

    private Api.TestUser member(String queue) {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"queues\":[\"" + queue + "\"]}",
                api().adminToken());
        assertEquals(200, patched.status(), patched.toString());
        return agent;
    }

    private JsonObject initiate(String queue) {
        Api.Reply reply = api().post("api/calls/initiate", "{\"callerName\":\"Reach\",\"phoneNumber\":\"0711000117\","
                + "\"queueName\":\"" + queue + "\"}", api().clientToken());
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private static void ready(WsClient socket, String microphone, boolean audio) {
        socket.send("agent:ready", Json.createObjectBuilder().add("microphone", microphone).add("audio", audio).build());
    }

    private List<JsonObject> offers(String callId) {
        return api().get("api/calls/" + callId, api().adminToken()).json().getJsonArray("events").stream()
                .map(JsonValue::asJsonObject).filter(e -> "offered".equals(e.getString("type")))
                .map(e -> e.getJsonObject("data")).toList();
    }

    private static boolean offered(WsClient socket, String callId) {
        return socket.events("call:incoming").stream().anyMatch(e -> callId.equals(e.asJsonObject().getString("callId")));
    }

    @Test
    void anAgentWhoCannotTakeACallIsShownAwayWithTheReasonAndNotRungUntilItCan() {
        String queue = queue("ring-all", 15);
        Api.TestUser deaf = member(queue);
        Api.TestUser other = member(queue);
        try (WsClient a = WsClient.agent(base, deaf.token()); WsClient b = WsClient.agent(base, other.token())) {
            ready(a, "denied", true);
            JsonObject away = b.awaitAgent(deaf.id(), "away", WAIT);
            assertEquals("microphone", away.getString("reason"));
            ready(a, "granted", false);
            b.awaitAgent(deaf.id(), x -> "audio".equals(x.getString("reason", null)), "away for audio", WAIT);

            // A new list shows the reason too, and asking to be available does not override what the page said.
            a.send("agent:status", Json.createObjectBuilder().add("status", "available").build());
            try (WsClient watcher = WsClient.agent(base, api().createUser("supervisor").token())) {
                JsonObject listed = watcher.await("agents:list", WAIT).asJsonArray().stream()
                        .map(JsonValue::asJsonObject).filter(x -> deaf.id().equals(x.getString("agentId")))
                        .findFirst().orElseThrow();
                assertEquals("away", listed.getString("status"));
                assertEquals("audio", listed.getString("reason"));
            }

            String first = initiate(queue).getString("id");
            b.awaitCall("call:incoming", first, WAIT);
            assertEquals(1, offers(first).get(0).getInt("agents"), offers(first).toString());
            assertFalse(offered(a, first), "an agent that cannot hear the ring is not rung: " + a.events("agent:updated")
                    + a.events("agents:updated") + b.events("agent:updated") + b.events("agents:updated"));

            ready(a, "granted", true);
            JsonObject back = b.awaitAgent(deaf.id(), "available", WAIT);
            assertFalse(back.containsKey("reason"), back.toString());
            // The call that rang while it could not hear it is still waiting: its dashboard is told now.
            a.await("calls:waiting", d -> d.asJsonArray().stream()
                    .anyMatch(c -> first.equals(c.asJsonObject().getString("id"))), WAIT);
            String second = initiate(queue).getString("id");
            a.awaitCall("call:incoming", second, WAIT);
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aCallThatArrivedWhileTheAgentWasOnAnotherIsShownWhenThatOneEnds() {
        String queue = queue("ring-all", 15);
        Api.TestUser agent = member(queue);
        try (WsClient a = WsClient.agent(base, agent.token())) {
            String first = initiate(queue).getString("id");
            a.awaitCall("call:incoming", first, WAIT);
            a.send("call:accept", Json.createObjectBuilder().add("callId", first).build());
            a.awaitCall("call:accepted", first, WAIT);
            a.awaitAgent(agent.id(), "busy", WAIT);
            String second = initiate(queue).getString("id");
            assertFalse(offered(a, second), "a busy agent is not rung");

            a.send("call:ended", Json.createObjectBuilder().add("callId", first).build());
            a.awaitAgent(agent.id(), "available", WAIT);
            a.await("calls:waiting", d -> d.asJsonArray().stream()
                    .anyMatch(c -> second.equals(c.asJsonObject().getString("id"))), WAIT);
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aOneAtATimeQueueSkipsAnAgentWhoCannotTakeACall() {
        String queue = queue("longest-idle", 30);
        Api.TestUser muted = member(queue);
        Api.TestUser other = member(queue);
        try (WsClient a = WsClient.agent(base, muted.token()); WsClient b = WsClient.agent(base, other.token())) {
            ready(a, "prompt", true);
            a.awaitAgent(muted.id(), "away", WAIT);
            for (int i = 0; i < 2; i++) {
                String callId = initiate(queue).getString("id");
                b.awaitCall("call:incoming", callId, WAIT);
                assertEquals(other.id(), offers(callId).get(0).getString("agentId"));
                assertFalse(offered(a, callId));
                b.send("call:decline", Json.createObjectBuilder().add("callId", callId).build());
                b.awaitCall("call:offer_revoked", callId, WAIT);
                api().post("api/calls/" + callId + "/end", null, api().adminToken());
            }
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aBadReadinessReportIsAnErrorAndChangesNothing() {
        Api.TestUser user = api().createUser("agent");
        try (WsClient socket = WsClient.connect(base, user.token())) {
            ready(socket, "granted", true);
            socket.await("error", d -> d.asJsonObject().getString("message").contains("agent:register"), WAIT);
            socket.send("agent:register", Json.createObjectBuilder().build());
            socket.await("agents:list", WAIT);
            socket.sendRaw("{\"event\":\"agent:ready\",\"data\":{\"microphone\":\"maybe\",\"audio\":true}}");
            socket.sendRaw("{\"event\":\"agent:ready\",\"data\":{\"microphone\":\"denied\"}}");
            socket.sendRaw("{\"event\":\"agent:ready\",\"data\":{\"microphone\":\"denied\",\"audio\":\"no\"}}");
            socket.sendRaw("{\"event\":\"agent:ready\",\"data\":{\"audio\":false}}");
            socket.await("error", d -> socket.events("error").size() == 5, WAIT);
            assertEquals(List.of("bad_request", "bad_request", "bad_request", "bad_request", "bad_request"),
                    socket.events("error").stream().map(d -> d.asJsonObject().getString("code")).toList());
            // Nothing changed: a status change after the bad reports is the next agent:updated, not an away.
            socket.send("agent:status", Json.createObjectBuilder().add("status", "away").build());
            socket.awaitAgent(user.id(), "away", WAIT);
            assertTrue(socket.events("agent:updated").stream().map(JsonValue::asJsonObject)
                    .filter(u -> user.id().equals(u.getString("agentId")))
                    .noneMatch(u -> u.containsKey("reason")), socket.events("agent:updated").toString());
        }
    }

    @Test
    void twoOffersInARowLeftToTimeOutSetTheAgentAwayAsUnresponsive() throws Exception {
        String queue = queue("longest-idle", 1);
        Api.TestUser sleepy = member(queue);
        try (WsClient a = WsClient.agent(base, sleepy.token())) {
            // One miss, then a decline: the count starts again, so one more miss leaves the agent available.
            String first = initiate(queue).getString("id");
            a.awaitCall("call:offer_revoked", first, WAIT);
            api().post("api/calls/" + first + "/end", null, api().adminToken());
            String second = initiate(queue).getString("id");
            a.awaitCall("call:incoming", second, WAIT);
            a.send("call:decline", Json.createObjectBuilder().add("callId", second).build());
            a.awaitCall("call:offer_revoked", second, WAIT);
            api().post("api/calls/" + second + "/end", null, api().adminToken());
            String third = initiate(queue).getString("id");
            a.awaitCall("call:offer_revoked", third, WAIT);
            assertTrue(a.events("agent:updated").stream().map(JsonValue::asJsonObject)
                    .noneMatch(u -> "unresponsive".equals(u.getString("reason", null))), a.eventNames().toString());

            // The third call is offered again in a new round and let pass again: the second miss in a row.
            long started = System.nanoTime();
            JsonObject away = a.awaitAgent(sleepy.id(), "away", WAIT);
            assertEquals("unresponsive", away.getString("reason"));
            System.out.println("ReachabilityIT: unresponsive after " + (System.nanoTime() - started) / 1_000_000
                    + " ms more");

            // Another member is offered the waiting call at once; the away agent no more.
            Api.TestUser awake = member(queue);
            try (WsClient b = WsClient.agent(base, awake.token())) {
                b.awaitCall("call:incoming", third, WAIT);
                int offeredToSleepy = (int) offers(third).stream()
                        .filter(o -> sleepy.id().equals(o.getString("agentId"))).count();
                b.send("call:accept", Json.createObjectBuilder().add("callId", third).build());
                b.awaitCall("call:accepted", third, WAIT);
                assertEquals(offeredToSleepy, offers(third).stream()
                        .filter(o -> sleepy.id().equals(o.getString("agentId"))).count());
            }
            // Available again when it asks.
            a.send("agent:status", Json.createObjectBuilder().add("status", "available").build());
            assertFalse(a.awaitAgent(sleepy.id(), "available", WAIT).containsKey("reason"));
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aCallerPageReloadedAfterItsCallEndedHearsAtOnceThatItEnded() {
        JsonObject call = initiate(queue("ring-all", 15));
        String callId = call.getString("id");
        Api.Reply ended = api().post("api/calls/" + callId + "/end", null, call.getString("callerToken"));
        assertEquals(200, ended.status(), ended.toString());
        try (WsClient page = WsClient.connect(base, call.getString("callerToken"))) {
            JsonObject told = page.awaitCall("call:ended", callId, WAIT);
            assertEquals("missed", told.getString("status"), told.toString());
            assertEquals(0, told.getInt("durationSeconds"));
            assertTrue(told.containsKey("hangupCause"), told.toString());
        }
    }

    @Test
    void aReloadedDashboardGetsItsCallBackAndEitherPartyCanAskForARenegotiation() {
        String queue = queue("ring-all", 15);
        Api.TestUser user = member(queue);
        JsonObject call = initiate(queue);
        String callId = call.getString("id");
        WsClient before = WsClient.agent(base, user.token());
        before.send("call:accept", Json.createObjectBuilder().add("callId", callId).build());
        before.awaitCall("call:accepted", callId, WAIT);
        before.close(); // the page reloads

        try (WsClient caller = WsClient.connect(base, call.getString("callerToken"));
                WsClient after = WsClient.agent(base, user.token())) {
            JsonObject again = after.awaitCall("call:accepted", callId, WAIT);
            assertEquals("active", again.getString("status"));
            // The caller's page, opened after the answer, hears it at once, as a reloaded caller page would.
            assertEquals("active", caller.awaitCall("call:accepted", callId, WAIT).getString("status"));
            after.send("webrtc:restart", Json.createObjectBuilder().add("callId", callId).build());
            caller.awaitCall("webrtc:restart", callId, WAIT);
            caller.send("webrtc:restart", Json.createObjectBuilder().add("callId", callId).build());
            after.awaitCall("webrtc:restart", callId, WAIT);

            // Only the call's parties: another agent's restart of it is refused, and so is one without a call.
            try (WsClient stranger = WsClient.agent(base, api().createUser("agent").token())) {
                stranger.send("webrtc:restart", Json.createObjectBuilder().add("callId", callId).build());
                stranger.await("error", d -> callId.equals(d.asJsonObject().getString("callId", null)), WAIT);
                stranger.sendRaw("{\"event\":\"webrtc:restart\",\"data\":{}}");
                stranger.await("error", d -> "bad_request".equals(d.asJsonObject().getString("code")), WAIT);
            }
            assertEquals(1, caller.events("webrtc:restart").size());
            api().post("api/calls/" + callId + "/end", null, user.token());
        }
    }
}
