package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

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
 * Queues and routing (api.md section 7) against the deployed EAR: the queue API and its validation, memberships,
 * every strategy, offer timeout and decline, priority order, maximum wait, overflow, queue deletion, and one agent
 * never offered two calls when routing runs concurrently. Each test makes its own queue and agents, who serve only
 * that queue, so calls of other tests (default queue) never reach them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RoutingIT {

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

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a queue with a unique name; {@code fields} is the rest of the JSON object, e.g. {@code "strategy":...}. */
    private String queue(String fields) {
        String name = unique("q");
        Api.Reply created = api().post("api/queues", "{\"name\":\"" + name + "\"" + (fields.isEmpty() ? "" : "," + fields)
                + "}", api().adminToken());
        assertEquals(201, created.status(), created.toString());
        return name;
    }

    /** An agent who serves only {@code queue}, with these skills (JSON object text). */
    private Api.TestUser member(String queue, String skills) {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"queues\":[\"" + queue + "\"],\"skills\":"
                + skills + "}", api().adminToken());
        assertEquals(200, patched.status(), patched.toString());
        return agent;
    }

    private JsonObject initiate(String client, String queue, Integer priority) {
        Api.Reply reply = api().post("api/calls/initiate", "{\"callerName\":\"Routed\",\"phoneNumber\":\"0711000111\","
                + "\"queueName\":\"" + queue + "\"" + (priority == null ? "" : ",\"priority\":" + priority) + "}", client);
        assertEquals(201, reply.status(), reply.toString());
        return reply.json();
    }

    private List<String> timeline(String callId) {
        Api.Reply call = api().get("api/calls/" + callId, api().adminToken());
        assertEquals(200, call.status(), call.toString());
        return call.json().getJsonArray("events").stream().map(e -> e.asJsonObject().getString("type")).toList();
    }

    private JsonObject entry(String callId, String type) {
        return api().get("api/calls/" + callId, api().adminToken()).json().getJsonArray("events").stream()
                .map(JsonValue::asJsonObject).filter(e -> type.equals(e.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + timeline(callId))).getJsonObject("data");
    }

    private JsonObject awaitCall(String callId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonObject call = api().get("api/calls/" + callId, api().adminToken()).json();
            if (status.equals(call.getString("status")) || System.nanoTime() > deadline) {
                return call;
            }
            Thread.sleep(200);
        }
    }

    private static void assertNoIncoming(WsClient socket, String callId) {
        assertTrue(socket.events("call:incoming").stream()
                .noneMatch(e -> callId.equals(e.asJsonObject().getString("callId"))), socket.eventNames().toString());
    }

    @Test
    void queuesAreCreatedListedChangedAndDeletedByAdminsAndBadInputIsAProblemThatChangesNothing() {
        String admin = api().adminToken();
        String name = unique("sales");
        for (String bad : List.of("{\"name\":\"Has Caps\"}", "{\"name\":\"\"}", "{}",
                "{\"name\":\"" + name + "\",\"strategy\":\"random\"}",
                "{\"name\":\"" + name + "\",\"priority\":10}",
                "{\"name\":\"" + name + "\",\"requiredSkills\":{\"swahili\":11}}",
                "{\"name\":\"" + name + "\",\"offerTimeoutSeconds\":0}",
                "{\"name\":\"" + name + "\",\"overflow\":{\"afterSeconds\":5,\"queue\":\"no-such-queue\"}}",
                "{\"name\":\"" + name + "\",\"overflow\":{\"afterSeconds\":5,\"queue\":\"" + name + "\"}}",
                "{\"name\":\"" + name + "\",\"priority\":\"high\"}")) {
            Api.Reply reply = api().post("api/queues", bad, admin);
            assertEquals(400, reply.status(), bad + " → " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertEquals(404, api().get("api/queues/" + name, admin).status(), "no rejected request created it");

        Api.Reply created = api().post("api/queues", "{\"name\":\"" + name + "\",\"strategy\":\"skills\","
                + "\"requiredSkills\":{\"swahili\":5},\"priority\":3,\"overflow\":{\"afterSeconds\":20,"
                + "\"queue\":\"general\"}}", admin);
        assertEquals(201, created.status(), created.toString());
        JsonObject queue = created.json();
        assertEquals("skills", queue.getString("strategy"));
        assertEquals(5, queue.getJsonObject("requiredSkills").getInt("swahili"));
        assertEquals(15, queue.getInt("offerTimeoutSeconds"));
        assertEquals(30, queue.getInt("relaxAfterSeconds"));
        assertTrue(queue.isNull("maxWaitSeconds"));
        assertEquals("general", queue.getJsonObject("overflow").getString("queue"));
        assertEquals(409, api().post("api/queues", "{\"name\":\"" + name + "\"}", admin).status());

        Api.TestUser agent = api().createUser("agent");
        Api.Reply list = api().get("api/queues?limit=500", agent.token());
        assertEquals(200, list.status(), list.toString());
        assertTrue(list.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .anyMatch(q -> "general".equals(q.getString("name")) && "ring-all".equals(q.getString("strategy"))),
                list.body());
        // Paged like every list (api.md section 1): newest first, one page after the other, each queue once.
        Api.Reply first = api().get("api/queues?limit=1", agent.token());
        assertEquals(name, first.json().getJsonArray("items").getJsonObject(0).getString("name"), first.body());
        List<String> walked = new ArrayList<>();
        for (String cursor = ""; cursor != null; ) {
            Api.Reply page = api().get("api/queues?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), agent.token());
            assertEquals(200, page.status(), page.toString());
            page.json().getJsonArray("items").forEach(q -> walked.add(q.asJsonObject().getString("name")));
            cursor = page.json().isNull("nextCursor") ? null : page.json().getString("nextCursor");
        }
        assertEquals(list.json().getJsonArray("items").stream().map(q -> q.asJsonObject().getString("name")).toList(),
                walked);
        for (String bad : List.of("limit=0", "limit=abc", "limit=501", "cursor=forged")) {
            assertEquals(400, api().get("api/queues?" + bad, agent.token()).status(), bad);
        }
        assertEquals(403, api().post("api/queues", "{\"name\":\"" + unique("x") + "\"}", agent.token()).status());
        assertEquals(403, api().delete("api/queues/" + name, agent.token()).status());

        Api.Reply badPatch = api().patch("api/queues/" + name, "{\"priority\":1,\"strategy\":\"nope\"}", admin);
        assertEquals(400, badPatch.status(), badPatch.toString());
        assertEquals(3, api().get("api/queues/" + name, admin).json().getInt("priority"), "a rejected PATCH changed it");
        Api.Reply rename = api().patch("api/queues/" + name, "{\"priority\":1,\"name\":\"" + unique("y") + "\"}", admin);
        assertEquals(400, rename.status(), rename.toString());
        assertTrue(rename.isProblem() && rename.body().contains("\"field\":\"name\""), rename.toString());
        assertEquals(3, api().get("api/queues/" + name, admin).json().getInt("priority"), "a rejected rename changed it");
        Api.Reply patched = api().patch("api/queues/" + name, "{\"priority\":7,\"maxWaitSeconds\":90,\"overflow\":{}}",
                admin);
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(7, patched.json().getInt("priority"));
        assertEquals(90, patched.json().getInt("maxWaitSeconds"));
        assertTrue(patched.json().isNull("overflow"));

        Api.Reply general = api().delete("api/queues/general", admin);
        assertEquals(409, general.status(), general.toString());
        assertTrue(general.isProblem());
        assertEquals(204, api().delete("api/queues/" + name, admin).status());
        Api.Reply gone = api().get("api/queues/" + name, admin);
        assertEquals(404, gone.status());
        assertTrue(gone.isProblem());
    }

    @Test
    void usersShowTheirQueuesAndSkillsANewUserServesTheDefaultQueueAndAnUnknownQueueChangesNothing() {
        String admin = api().adminToken();
        Api.TestUser agent = api().createUser("agent");
        JsonObject fresh = api().get("api/users/" + agent.id(), admin).json();
        assertEquals(List.of("general"), fresh.getJsonArray("queues").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(0, fresh.getJsonObject("skills").size());

        String billing = queue("\"strategy\":\"longest-idle\"");
        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"queues\":[\"general\",\"" + billing + "\"],"
                + "\"skills\":{\"swahili\":5,\"billing\":3}}", admin);
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(2, patched.json().getJsonArray("queues").size());
        assertEquals(5, patched.json().getJsonObject("skills").getInt("swahili"));

        for (String bad : List.of("{\"queues\":[\"no-such-queue\"]}", "{\"skills\":{\"swahili\":0}}",
                "{\"displayName\":\"Renamed\",\"queues\":[\"nope\"]}", "{\"queues\":\"general\"}")) {
            Api.Reply reply = api().patch("api/users/" + agent.id(), bad, admin);
            assertEquals(400, reply.status(), bad + " → " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        JsonObject after = api().get("api/users/" + agent.id(), admin).json();
        assertEquals(2, after.getJsonArray("queues").size());
        assertEquals(fresh.getString("displayName"), after.getString("displayName"));
        assertTrue(api().get("api/users?limit=5", admin).json().getJsonArray("items").getJsonObject(0)
                .containsKey("queues"));
    }

    @Test
    void aCallShowsItsQueueAndPriorityAndIsQueuedInItsTimeline() {
        String client = api().clientToken();
        String vip = queue("\"strategy\":\"longest-idle\",\"priority\":4");
        try {
            JsonObject raised = initiate(client, vip, 7);
            assertEquals(vip, raised.getString("queue"));
            assertEquals(7, raised.getInt("priority"));
            assertEquals(vip, raised.getString("queueName"));
            JsonObject kept = initiate(client, vip, 1);
            assertEquals(4, kept.getInt("priority"), "the higher of the queue's and the call's");
            JsonObject unknown = initiate(client, "no-such-queue", null);
            assertEquals("general", unknown.getString("queue"));
            assertEquals("no-such-queue", unknown.getString("queueName"));
            assertEquals(List.of("created", "queued"), timeline(raised.getString("id")).subList(0, 2));
            assertEquals(vip, entry(raised.getString("id"), "queued").getString("queue"));
            Api.Reply bad = api().post("api/calls/initiate", "{\"callerName\":\"A\",\"phoneNumber\":\"0711000111\","
                    + "\"priority\":10}", client);
            assertEquals(400, bad.status(), bad.toString());
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void longestIdleOffersTheCallToOneMemberTheOneIdleLongestWithItsQueueAndPriority() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\",\"priority\":2");
        Api.TestUser first = member(queue, "{}");
        Api.TestUser second = member(queue, "{}");
        String client = api().clientToken();
        try (WsClient idleLongest = WsClient.agent(base, first.token());
             WsClient other = WsClient.agent(base, second.token())) {
            String callId = initiate(client, queue, null).getString("id");
            JsonObject incoming = idleLongest.awaitCall("call:incoming", callId, WAIT);
            assertEquals(queue, incoming.getString("queue"));
            assertEquals(2, incoming.getInt("priority"));
            Thread.sleep(1500);
            assertNoIncoming(other, callId);
            JsonObject offered = entry(callId, "offered");
            assertEquals(1, offered.getInt("agents"));
            assertEquals(first.id(), offered.getString("agentId"));
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void anOfferNotAcceptedInTimeMovesToTheNextMemberAndIsRevokedFromTheFirst() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\",\"offerTimeoutSeconds\":2");
        Api.TestUser first = member(queue, "{}");
        Api.TestUser second = member(queue, "{}");
        String client = api().clientToken();
        try (WsClient a = WsClient.agent(base, first.token())) {
            Thread.sleep(50);
            try (WsClient b = WsClient.agent(base, second.token())) {
                String callId = initiate(client, queue, null).getString("id");
                a.awaitCall("call:incoming", callId, WAIT);
                a.awaitCall("call:offer_revoked", callId, WAIT);
                b.awaitCall("call:incoming", callId, WAIT);
                assertEquals(first.id(), entry(callId, "offer_timeout").getString("agentId"));
                List<String> types = timeline(callId);
                assertTrue(types.indexOf("offer_timeout") > types.indexOf("offered"), types.toString());
                assertEquals(2, types.stream().filter("offered"::equals).count(), types.toString());
                assertEquals(200, api().post("api/calls/" + callId + "/accept", null, second.token()).status());
            }
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aDeclinedOfferGoesToTheNextMemberAtOnce() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\",\"offerTimeoutSeconds\":60");
        Api.TestUser first = member(queue, "{}");
        Api.TestUser second = member(queue, "{}");
        String client = api().clientToken();
        try (WsClient a = WsClient.agent(base, first.token())) {
            Thread.sleep(50);
            try (WsClient b = WsClient.agent(base, second.token())) {
                String callId = initiate(client, queue, null).getString("id");
                a.awaitCall("call:incoming", callId, WAIT);
                a.send("call:decline", Json.createObjectBuilder().add("callId", callId).build());
                a.awaitCall("call:offer_revoked", callId, WAIT);
                b.awaitCall("call:incoming", callId, Duration.ofSeconds(5));
                assertTrue(timeline(callId).contains("declined"));
            }
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void roundRobinOffersEachCallToTheMemberWhoseTurnItIs() throws Exception {
        String queue = queue("\"strategy\":\"round-robin\"");
        Api.TestUser first = member(queue, "{}");
        Api.TestUser second = member(queue, "{}");
        String client = api().clientToken();
        try (WsClient a = WsClient.agent(base, first.token()); WsClient b = WsClient.agent(base, second.token())) {
            List<String> offeredTo = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String callId = initiate(client, queue, null).getString("id");
                long deadline = System.nanoTime() + WAIT.toNanos();
                String agentId = null;
                while (agentId == null && System.nanoTime() < deadline) {
                    if (timeline(callId).contains("offered")) {
                        agentId = entry(callId, "offered").getString("agentId");
                    } else {
                        Thread.sleep(200);
                    }
                }
                offeredTo.add(agentId);
                assertEquals(200, api().post("api/calls/" + callId + "/end", null, api().adminToken()).status());
            }
            assertFalse(offeredTo.get(0).equals(offeredTo.get(1)), offeredTo.toString());
            assertEquals(offeredTo.get(0), offeredTo.get(2), offeredTo.toString());
            assertTrue(List.of(first.id(), second.id()).containsAll(offeredTo), offeredTo.toString());
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void skillsOfferTheCallToAQualifiedMemberAndRelaxTheLevelsOverTime() throws Exception {
        String strict = queue("\"strategy\":\"skills\",\"requiredSkills\":{\"swahili\":5},\"relaxAfterSeconds\":600");
        Api.TestUser novice = member(strict, "{\"swahili\":3}");
        Api.TestUser expert = member(strict, "{\"swahili\":5,\"billing\":1}");
        String relaxing = queue("\"strategy\":\"skills\",\"requiredSkills\":{\"swahili\":5},\"relaxAfterSeconds\":2");
        Api.TestUser learner = member(relaxing, "{\"swahili\":3}");
        String client = api().clientToken();
        try (WsClient n = WsClient.agent(base, novice.token()); WsClient e = WsClient.agent(base, expert.token());
             WsClient l = WsClient.agent(base, learner.token())) {
            String callId = initiate(client, strict, null).getString("id");
            e.awaitCall("call:incoming", callId, WAIT);
            Thread.sleep(1000);
            assertNoIncoming(n, callId);

            long start = System.nanoTime();
            String relaxed = initiate(client, relaxing, null).getString("id");
            l.awaitCall("call:incoming", relaxed, WAIT);
            long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertTrue(waited >= 3500, "level 5 relaxed to 3 takes two periods of 2 s, took " + waited + " ms");
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void oneAgentIsNeverOfferedTwoCallsWhenCallsAreRoutedConcurrently() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\",\"offerTimeoutSeconds\":30");
        Api.TestUser only = member(queue, "{}");
        String client = api().clientToken();
        try (WsClient socket = WsClient.agent(base, only.token())) {
            int calls = 8;
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<String>> started = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                started.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return initiate(client, queue, null).getString("id");
                }));
            }
            start.countDown();
            List<String> ids = started.stream().map(CompletableFuture::join).toList();
            socket.await("call:incoming", WAIT);
            Thread.sleep(3000); // several sweeps of every node's timer run meanwhile
            assertEquals(1, socket.events("call:incoming").size(), socket.eventNames().toString());
            long offered = ids.stream().filter(id -> timeline(id).contains("offered")).count();
            assertEquals(1, offered, "exactly one of the calls was offered");
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void anAgentWhoBecomesAvailableIsOfferedTheHighestPriorityThenTheOldestCall() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\"");
        Api.TestUser agent = member(queue, "{}");
        String client = api().clientToken();
        try {
            String low = initiate(client, queue, 1).getString("id");
            String oldHigh = initiate(client, queue, 8).getString("id");
            String newHigh = initiate(client, queue, 8).getString("id");
            try (WsClient socket = WsClient.agent(base, agent.token())) {
                JsonObject first = (JsonObject) socket.await("call:incoming", WAIT);
                assertEquals(oldHigh, first.getString("callId"));
                socket.send("call:decline", Json.createObjectBuilder().add("callId", oldHigh).build());
                socket.awaitCall("call:incoming", newHigh, WAIT);
                socket.send("call:decline", Json.createObjectBuilder().add("callId", newHigh).build());
                socket.awaitCall("call:incoming", low, WAIT);
            }
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aCallWaitingLongerThanItsQueuesMaximumWaitIsMissedWithQueueTimeout() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\",\"maxWaitSeconds\":2");
        String callId = initiate(api().clientToken(), queue, null).getString("id");
        JsonObject missed = awaitCall(callId, "missed");
        assertEquals("missed", missed.getString("status"));
        assertEquals("queue_timeout", missed.getString("hangupCause"));
    }

    @Test
    void afterItsDelayACallOverflowsToTheMembersOfTheOverflowQueue() throws Exception {
        String spill = queue("\"strategy\":\"ring-all\"");
        String queue = queue("\"strategy\":\"ring-all\",\"overflow\":{\"afterSeconds\":2,\"queue\":\"" + spill + "\"}");
        Api.TestUser helper = member(spill, "{}");
        String client = api().clientToken();
        try (WsClient socket = WsClient.agent(base, helper.token())) {
            long start = System.nanoTime();
            String callId = initiate(client, queue, null).getString("id");
            socket.awaitCall("call:incoming", callId, WAIT);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1500, "not before the delay");
            assertEquals(spill, entry(callId, "overflowed").getString("queue"));
            // Each offer round has its offered entry (api.md section 7): after the overflow, the one to the helper.
            List<JsonObject> events = api().get("api/calls/" + callId, api().adminToken()).json().getJsonArray("events")
                    .getValuesAs(JsonObject.class);
            List<String> types = events.stream().map(e -> e.getString("type")).toList();
            assertTrue(events.subList(types.indexOf("overflowed"), events.size()).stream().anyMatch(e ->
                    "offered".equals(e.getString("type")) && e.getJsonObject("data").getInt("agents") == 1), types.toString());
            assertEquals(200, api().post("api/calls/" + callId + "/accept", null, helper.token()).status());
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void deletingAQueueMovesItsWaitingCallsToTheDefaultQueue() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\"");
        String callId = initiate(api().clientToken(), queue, null).getString("id");
        try {
            assertEquals(204, api().delete("api/queues/" + queue, api().adminToken()).status());
            JsonObject call = api().get("api/calls/" + callId, api().adminToken()).json();
            assertEquals("general", call.getString("queue"));
            assertEquals("waiting", call.getString("status"));
            List<String> types = timeline(callId);
            assertEquals(2, types.stream().filter("queued"::equals).count(), types.toString());
            assertTrue(types.get(types.size() - 1).equals("offered"), types.toString());
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aCallerPageOpenedAgainIsToldItsPlaceAtOnceThoughItDidNotChange() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\"");
        String client = api().clientToken();
        try {
            initiate(client, queue, null);
            JsonObject second = initiate(client, queue, null);
            try (WsClient page = WsClient.connect(base, second.getString("callerToken"))) {
                page.await("queue:position", d -> d.asJsonObject().getInt("position") == 2, WAIT);
            }
            // Nothing moved in the queue since, so no tick tells it again: the reloaded page must hear it on joining.
            try (WsClient reloaded = WsClient.connect(base, second.getString("callerToken"))) {
                JsonObject told = (JsonObject) reloaded.await("queue:position", d -> true, Duration.ofSeconds(3));
                assertEquals(second.getString("id"), told.getString("callId"));
                assertEquals(queue, told.getString("queue"));
                assertEquals(2, told.getInt("position"));
                assertTrue(told.containsKey("estimatedWaitSeconds"));
                Thread.sleep(2_500); // past the next ticks: the place was told once, not again
                assertEquals(1, reloaded.events("queue:position").size(), reloaded.events("queue:position").toString());
            }
        } finally {
            api().endWaitingCalls();
        }
    }

    @Test
    void aWaitingCallerIsToldItsPlaceInTheQueueAndTheCallShowsIt() throws Exception {
        String queue = queue("\"strategy\":\"longest-idle\"");
        String client = api().clientToken();
        try {
            JsonObject first = initiate(client, queue, null);
            JsonObject second = initiate(client, queue, null);
            assertEquals(2, second.getInt("queuePosition"));
            assertTrue(second.containsKey("estimatedWaitSeconds"));
            try (WsClient caller = WsClient.connect(base, second.getString("callerToken"))) {
                JsonObject told = (JsonObject) caller.await("queue:position",
                        d -> d.asJsonObject().getInt("position") == 2, WAIT);
                assertEquals(second.getString("id"), told.getString("callId"));
                assertEquals(queue, told.getString("queue"));
                assertTrue(told.containsKey("estimatedWaitSeconds"));
                assertEquals(200, api().post("api/calls/" + first.getString("id") + "/end", null, client).status());
                caller.await("queue:position", d -> d.asJsonObject().getInt("position") == 1, WAIT);
                assertEquals(1, api().get("api/calls/" + second.getString("id"), api().adminToken()).json()
                        .getInt("queuePosition"));
                List<JsonValue> told2 = caller.events("queue:position");
                assertEquals(2, told2.size(), "told only when the place changed: " + told2);
            }
            JsonObject ended = api().get("api/calls/" + first.getString("id"), api().adminToken()).json();
            assertTrue(ended.isNull("queuePosition"), "a call that no longer waits has no place");
        } finally {
            api().endWaitingCalls();
        }
    }
}
