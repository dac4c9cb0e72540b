package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The call log over HTTP (api.md section 3), checked against PostgreSQL where the outcome lives in the database. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallsIT {

    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    Api api;
    String admin;

    @BeforeEach
    void setUp() {
        api = Api.at(base);
        admin = api.adminToken();
    }

    // ---- initiate, get, list --------------------------------------------------------------------------------

    @Test
    void initiatedCallIsStoredWaitingWithItsTimeline() {
        String client = api.clientToken();
        String national = randomNational();
        Api.Reply created = initiate(client, "{\"callerName\":\"Ann Actor\",\"phoneNumber\":\"" + national
                + "\",\"ivrOption\":\"2\",\"queueName\":\"billing\"}", Map.of());
        assertEquals(201, created.status(), created.toString());
        JsonObject call = created.json();
        String id = call.getString("id");
        UUID.fromString(id);
        assertEquals("inbound", call.getString("direction"));
        assertEquals("app", call.getString("channel"));
        assertEquals("waiting", call.getString("status"));
        assertEquals("Ann Actor", call.getString("callerName"));
        assertEquals(e164(national), call.getString("phoneNumber"));
        assertEquals("2", call.getString("ivrOption"));
        assertEquals("billing", call.getString("queueName"));
        for (String nullMember : List.of("agent", "answeredAt", "endedAt", "hangupCause", "provider")) {
            assertTrue(call.containsKey(nullMember) && call.isNull(nullMember), nullMember + " in " + call);
        }
        assertFalse(call.containsKey("disposition"), call.toString());
        assertTrue(ISO_MILLIS.matcher(call.getString("createdAt")).matches(), call.getString("createdAt"));
        assertTrue(call.getString("callerToken").split("\\.").length == 3, "a JWT: " + call);
        assertTrue(created.header("Location").endsWith("/api/calls/" + id), created.header("Location"));

        Api.Reply got = api.get("api/calls/" + id, client);
        assertEquals(200, got.status(), got.toString());
        assertEquals(id, got.json().getString("id"));
        assertFalse(got.json().containsKey("callerToken"), got.body());
        List<String> types = got.json().getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type")).toList();
        assertEquals(List.of("created", "queued", "offered"), types);
        JsonObject offered = got.json().getJsonArray("events").getJsonObject(2);
        assertEquals(JsonValue.ValueType.NUMBER, offered.getJsonObject("data").get("agents").getValueType());
        assertTrue(ISO_MILLIS.matcher(offered.getString("at")).matches(), offered.toString());

        assertEquals(200, api.get("api/calls/" + id, admin).status());
        // Another client does not see it; an agent sees it while it waits.
        assertEquals(404, api.get("api/calls/" + id, api.clientToken()).status());
        assertEquals(200, api.get("api/calls/" + id, api.createUser("agent").token()).status());
        assertEquals(404, api.get("api/calls/" + UUID.randomUUID(), admin).status());
    }

    @Test
    void listFiltersAndPages() {
        String client = api.clientToken();
        String national = randomNational();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Reply created = initiate(client, body("Pager " + i, national), Map.of());
            assertEquals(201, created.status(), created.toString());
            ids.add(created.json().getString("id"));
        }
        String otherPhone = randomNational();
        assertEquals(201, initiate(client, body("Other", otherPhone), Map.of()).status());

        // The phone filter is normalized before comparing: the national form finds the E.164 calls.
        Api.Reply first = api.get("api/calls?limit=2&phoneNumber=" + national, admin);
        assertEquals(200, first.status(), first.toString());
        List<String> page1 = idsOf(first.json());
        JsonObject item = first.json().getJsonArray("items").getJsonObject(0);
        for (String nullMember : List.of("agent", "answeredAt", "endedAt", "hangupCause", "provider", "ivrOption")) {
            assertTrue(item.containsKey(nullMember) && item.isNull(nullMember), nullMember + " in " + item);
        }
        assertFalse(item.containsKey("version") || item.containsKey("events") || item.containsKey("callerToken"), item.toString());
        assertTrue(ISO_MILLIS.matcher(item.getString("createdAt")).matches(), item.toString());
        assertEquals(List.of(ids.get(2), ids.get(1)), page1, "newest first");
        String cursor = first.json().getString("nextCursor");
        Api.Reply second = api.get("api/calls?limit=2&phoneNumber=" + e164(national).replace("+", "%2B")
                + "&cursor=" + cursor, admin);
        assertEquals(200, second.status(), second.toString());
        assertEquals(List.of(ids.get(0)), idsOf(second.json()));
        assertTrue(second.json().isNull("nextCursor"), second.body());

        // The client sees its own calls only; another client sees none of them.
        Set<String> mine = new HashSet<>(idsOf(api.get("api/calls?limit=500", client).json()));
        assertTrue(mine.containsAll(ids), mine.toString());
        assertEquals(4, mine.size(), mine.toString());
        assertTrue(idsOf(api.get("api/calls?phoneNumber=" + national, api.clientToken()).json()).isEmpty());

        // Filters: status, channel, createdAt range.
        assertEquals(3, idsOf(api.get("api/calls?status=waiting&channel=app&phoneNumber=" + national, admin).json()).size());
        assertEquals(0, idsOf(api.get("api/calls?status=ended&phoneNumber=" + national, admin).json()).size());
        assertEquals(0, idsOf(api.get("api/calls?channel=telnyx&phoneNumber=" + national, admin).json()).size());
        assertEquals(3, idsOf(api.get("api/calls?from=2020-01-01T00:00:00.000Z&to=2999-01-01T00:00:00Z&phoneNumber="
                + national, admin).json()).size());
        assertEquals(0, idsOf(api.get("api/calls?to=2020-01-01T00:00:00.000Z&phoneNumber=" + national, admin).json()).size());

        // Bad values are field errors.
        Map<String, String> bad = Map.of(
                "status=ringing", "status", "channel=fax", "channel", "agentId=nope", "agentId",
                "phoneNumber=garbage", "phoneNumber", "from=yesterday", "from", "to=2026-13-01", "to",
                "limit=0", "limit", "limit=501", "limit", "limit=abc", "limit", "limit=", "limit");
        bad.forEach((query, field) -> {
            Api.Reply reply = api.get("api/calls?" + query, admin);
            assertEquals(400, reply.status(), query + " " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), query);
        });
        assertEquals(400, api.get("api/calls?limit=-1", admin).status());
        // A repeated parameter is ambiguous: which value filtered the list? Named, not silently the first.
        for (String[] repeated : new String[][]{{"limit=5&limit=6", "limit"}, {"status=waiting&status=ended", "status"}}) {
            Api.Reply reply = api.get("api/calls?" + repeated[0], admin);
            assertEquals(400, reply.status(), repeated[0] + " " + reply);
            assertTrue(reply.isProblem(), reply.toString());
            assertEquals(repeated[1], reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), repeated[0]);
        }
        String tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        assertEquals(400, api.get("api/calls?cursor=" + tampered, admin).status());
    }

    // ---- accept -----------------------------------------------------------------------------------------------

    @Test
    void exactlyOneOfTwentyConcurrentAcceptsWins() throws Exception {
        List<Api.TestUser> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            agents.add(api.createUser("agent"));
        }
        // Initiated after the (slow, password-hashing) user set-up so that the IT suite's short ring timeout
        // cannot turn the call missed before the race.
        String id = initiate(admin, body("Race", randomNational()), Map.of()).json().getString("id");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (Api.TestUser agent : agents) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return api.post("api/calls/" + id + "/accept", null, agent.token());
                }));
            }
            start.countDown();
            List<Api.Reply> won = new ArrayList<>();
            int lost = 0;
            String winner = null;
            for (int i = 0; i < replies.size(); i++) {
                Api.Reply reply = replies.get(i).get();
                if (reply.status() == 200) {
                    won.add(reply);
                    winner = agents.get(i).id();
                } else {
                    assertEquals(409, reply.status(), reply.toString());
                    assertTrue(reply.isProblem(), reply.toString());
                    assertTrue(reply.json().getString("type").endsWith("/call-already-taken"), reply.toString());
                    lost++;
                }
            }
            assertEquals(1, won.size(), "winners: " + won);
            assertEquals(19, lost);
            JsonObject accepted = won.get(0).json();
            assertEquals("active", accepted.getString("status"));
            assertEquals(winner, accepted.getJsonObject("agent").getString("id"));
            assertTrue(accepted.getJsonObject("agent").getString("displayName").startsWith("Test agent_"));
            assertTrue(ISO_MILLIS.matcher(accepted.getString("answeredAt")).matches(), accepted.toString());

            JsonObject seen = api.get("api/calls/" + id, admin).json();
            assertEquals(winner, seen.getJsonObject("agent").getString("id"));
            assertEquals(1, seen.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("type").equals("accepted")).count());
            try (Connection db = db()) {
                assertEquals(winner, queryString(db, "SELECT agent_id FROM calls WHERE id = ?", id));
                assertEquals("active", queryString(db, "SELECT status FROM calls WHERE id = ?", id));
                assertEquals(1L, queryLong(db, "SELECT count(*) FROM call_events WHERE call_id = ? AND event_type = 'accepted'", id));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptingAnEndedOrUnknownCallFails() {
        Api.TestUser agent = api.createUser("agent");
        String id = initiate(admin, body("Gone", randomNational()), Map.of()).json().getString("id");
        assertEquals(200, api.post("api/calls/" + id + "/end", null, admin).status());
        Api.Reply late = api.post("api/calls/" + id + "/accept", null, agent.token());
        assertEquals(409, late.status(), late.toString());
        assertTrue(late.json().getString("type").endsWith("/call-already-ended"), late.toString());
        assertEquals(404, api.post("api/calls/" + UUID.randomUUID() + "/accept", null, agent.token()).status());
        assertEquals(403, api.post("api/calls/" + id + "/accept", null, api.clientToken()).status());

        // Another agent's call, once ended, is outside this agent's view (api.md section 1): 404, as for a GET; its
        // own agent gets the 409.
        String taken = initiate(admin, body("Taken Then Ended", randomNational()), Map.of()).json().getString("id");
        assertEquals(200, api.post("api/calls/" + taken + "/accept", null, agent.token()).status());
        assertEquals(200, api.post("api/calls/" + taken + "/end", null, agent.token()).status());
        Api.Reply foreign = api.post("api/calls/" + taken + "/accept", null, api.createUser("agent").token());
        assertEquals(404, foreign.status(), foreign.toString());
        assertTrue(foreign.isProblem(), foreign.toString());
        Api.Reply own = api.post("api/calls/" + taken + "/accept", null, agent.token());
        assertEquals(409, own.status(), own.toString());
        assertTrue(own.json().getString("type").endsWith("/call-already-ended"), own.toString());
    }

    // ---- end and wrapup ---------------------------------------------------------------------------------------

    @Test
    void aCallWhoseAgentWasDisabledDuringItCanStillEnd() {
        JsonObject call = initiate(api.clientToken(), body("Orphaned", randomNational()), Map.of()).json();
        String id = call.getString("id");
        Api.TestUser agent = api.createUser("agent");
        assertEquals(200, api.post("api/calls/" + id + "/accept", null, agent.token()).status());
        Api.Reply disabled = api.patch("api/users/" + agent.id(), "{\"enabled\":false}", admin);
        assertEquals(200, disabled.status(), disabled.toString());

        Api.Reply ended = api.post("api/calls/" + id + "/end", null, call.getString("callerToken"));
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("ended", ended.json().getString("status"));
        assertEquals("ended_by_caller", ended.json().getString("hangupCause"));
    }

    @Test
    void endingTwiceIsAConflictThatChangesNothing() throws SQLException {
        String client = api.clientToken();
        Api.TestUser agent = api.createUser("agent");
        String id = initiate(client, body("Ender", randomNational()), Map.of()).json().getString("id");
        assertEquals(200, api.post("api/calls/" + id + "/accept", null, agent.token()).status());
        // Another agent may not end it (it is not theirs, and no longer waiting: they do not even see it).
        assertEquals(404, api.post("api/calls/" + id + "/end", null, api.createUser("agent").token()).status());

        Api.Reply ended = api.post("api/calls/" + id + "/end", null, agent.token());
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("ended", ended.json().getString("status"));
        assertEquals("ended_by_agent", ended.json().getString("hangupCause"));
        assertTrue(ended.json().getInt("durationSeconds") >= 0, ended.body());
        assertTrue(ISO_MILLIS.matcher(ended.json().getString("endedAt")).matches(), ended.body());

        try (Connection db = db()) {
            long version = queryLong(db, "SELECT version FROM calls WHERE id = ?", id);
            long events = queryLong(db, "SELECT count(*) FROM call_events WHERE call_id = ?", id);
            for (String token : List.of(agent.token(), client, admin)) {
                Api.Reply again = api.post("api/calls/" + id + "/end", null, token);
                assertEquals(409, again.status(), again.toString());
                assertTrue(again.json().getString("type").endsWith("/call-already-ended"), again.toString());
            }
            assertEquals(version, queryLong(db, "SELECT version FROM calls WHERE id = ?", id));
            assertEquals(events, queryLong(db, "SELECT count(*) FROM call_events WHERE call_id = ?", id));
            assertEquals("ended", queryString(db, "SELECT status FROM calls WHERE id = ?", id));
        }
    }

    @Test
    void aWaitingCallEndedIsMissed() {
        String client = api.clientToken();
        String id = initiate(client, body("Impatient", randomNational()), Map.of()).json().getString("id");
        Api.Reply ended = api.post("api/calls/" + id + "/end", null, client);
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("missed", ended.json().getString("status"));
        assertEquals("ended_by_caller", ended.json().getString("hangupCause"));
        assertEquals(0, ended.json().getInt("durationSeconds"));
        List<String> types = api.get("api/calls/" + id, admin).json().getJsonArray("events")
                .getValuesAs(JsonObject.class).stream().map(e -> e.getString("type")).toList();
        assertEquals(List.of("created", "queued", "offered", "missed"), types);

        String other = initiate(admin, body("Supervised", randomNational()), Map.of()).json().getString("id");
        Api.Reply bySupervisor = api.post("api/calls/" + other + "/end", null, api.createUser("supervisor").token());
        assertEquals("ended_by_supervisor", bySupervisor.json().getString("hangupCause"), bySupervisor.toString());
    }

    @Test
    void theCallsAgentWrapsUpAfterTheEnd() {
        Api.TestUser agent = api.createUser("agent");
        String id = initiate(admin, body("Wrapped", randomNational()), Map.of()).json().getString("id");
        assertEquals(200, api.post("api/calls/" + id + "/accept", null, agent.token()).status());
        String wrapup = "{\"disposition\":\"resolved\",\"note\":\"Reset the router\"}";

        Api.Reply early = api.post("api/calls/" + id + "/wrapup", wrapup, agent.token());
        assertEquals(409, early.status(), early.toString());
        assertTrue(early.isProblem(), early.toString());
        assertEquals(200, api.post("api/calls/" + id + "/end", null, agent.token()).status());

        assertEquals(400, api.post("api/calls/" + id + "/wrapup", "{\"note\":\"no disposition\"}", agent.token()).status());
        assertEquals(400, api.post("api/calls/" + id + "/wrapup", "{\"disposition\":\"" + "x".repeat(65) + "\"}",
                agent.token()).status());
        int other = api.post("api/calls/" + id + "/wrapup", wrapup, api.createUser("agent").token()).status();
        assertTrue(other == 403 || other == 404, "another agent: " + other);
        assertEquals(403, api.post("api/calls/" + id + "/wrapup", wrapup, admin).status());

        Api.Reply done = api.post("api/calls/" + id + "/wrapup", wrapup, agent.token());
        assertEquals(200, done.status(), done.toString());
        assertEquals("resolved", done.json().getString("disposition"));
        assertEquals("Reset the router", done.json().getString("note"));
        JsonObject seen = api.get("api/calls/" + id, agent.token()).json();
        assertEquals("resolved", seen.getString("disposition"));
        List<String> types = seen.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type")).toList();
        assertEquals(List.of("created", "queued", "offered", "accepted", "ended", "wrapup"), types);
    }

    // ---- Idempotency-Key ------------------------------------------------------------------------------------

    @Test
    void idempotencyKeyReplaysTheSameCallAndRefusesADifferentBody() throws SQLException {
        String client = api.clientToken();
        String national = randomNational();
        String key = "it-" + UUID.randomUUID();
        Api.Reply first = initiate(client, "{\"callerName\":\"Idem\",\"phoneNumber\":\"" + national + "\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.toString());
        String id = first.json().getString("id");

        // Same parsed JSON, other whitespace and member order.
        Api.Reply replay = initiate(client, "{ \"phoneNumber\" : \"" + national + "\" ,\n \"callerName\":\"Idem\" }",
                Map.of("Idempotency-Key", key));
        assertEquals(200, replay.status(), replay.toString());
        assertEquals(id, replay.json().getString("id"));
        assertNotNull(replay.json().getString("callerToken"));

        Api.Reply different = initiate(client, "{\"callerName\":\"Idem 2\",\"phoneNumber\":\"" + national + "\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(409, different.status(), different.toString());
        assertTrue(different.isProblem(), different.toString());

        // Keys belong to their principal: another client's same key is a new call.
        Api.Reply otherClient = initiate(api.clientToken(), "{\"callerName\":\"Idem\",\"phoneNumber\":\"" + national + "\"}",
                Map.of("Idempotency-Key", key));
        assertEquals(201, otherClient.status(), otherClient.toString());
        assertNotEquals(id, otherClient.json().getString("id"));

        try (Connection db = db()) {
            assertEquals(2L, queryLong(db, "SELECT count(*) FROM calls WHERE phone_number = ?", e164(national)));
        }
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneCall() throws Exception {
        String client = api.clientToken();
        String national = randomNational();
        String key = "race-" + UUID.randomUUID();
        String json = body("Racer", national);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return initiate(client, json, Map.of("Idempotency-Key", key));
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Api.Reply> f : replies) {
                Api.Reply reply = f.get();
                assertTrue(reply.status() == 201 || reply.status() == 200 || reply.status() == 409, reply.toString());
                if (reply.status() == 201) {
                    created++;
                }
                if (reply.status() != 409) {
                    ids.add(reply.json().getString("id"));
                }
            }
            assertEquals(1, created);
            assertEquals(1, ids.size(), ids.toString());
            try (Connection db = db()) {
                assertEquals(1L, queryLong(db, "SELECT count(*) FROM calls WHERE phone_number = ?", e164(national)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- bad input ----------------------------------------------------------------------------------------------

    @Test
    void badInputIsAProblemAndStoresNothing() throws SQLException {
        String client = api.clientToken();
        try (Connection db = db()) {
            long calls = queryLong(db, "SELECT count(*) FROM calls");
            long events = queryLong(db, "SELECT count(*) FROM call_events");
            long keys = queryLong(db, "SELECT count(*) FROM idempotency_records");
            Map<String, String> fieldErrors = Map.of(
                    "{\"callerName\":\"No Phone\"}", "phoneNumber",
                    "{\"callerName\":\"Bad Phone\",\"phoneNumber\":\"garbage\"}", "phoneNumber",
                    "{\"phoneNumber\":\"0711000111\"}", "callerName",
                    "{\"callerName\":42,\"phoneNumber\":\"0711000111\"}", "callerName",
                    "{\"callerName\":\"" + "n".repeat(201) + "\",\"phoneNumber\":\"0711000111\"}", "callerName",
                    "{\"callerName\":\"Q\",\"phoneNumber\":\"0711000111\",\"queueName\":\"" + "q".repeat(101) + "\"}", "queueName");
            fieldErrors.forEach((json, field) -> {
                Api.Reply reply = initiate(client, json, Map.of("Idempotency-Key", "bad-" + UUID.randomUUID()));
                assertEquals(400, reply.status(), json + " " + reply);
                assertTrue(reply.isProblem(), reply.toString());
                assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), json);
            });
            // Every bad field in one answer: the phone number's check does not wait for the other fields to pass.
            Api.Reply both = initiate(client, "{\"callerName\":\"\",\"phoneNumber\":\"garbage\"}", Map.of());
            assertEquals(400, both.status(), both.toString());
            assertEquals(List.of("callerName", "phoneNumber"), both.json().getJsonArray("errors").stream()
                    .map(e -> e.asJsonObject().getString("field")).toList(), both.toString());
            for (String malformed : List.of("{", "[]", "[{\"callerName\":\"A\",\"phoneNumber\":\"0711000111\"}]", "",
                    "\"text\"", "{\"callerName\":\"A\",}")) {
                Api.Reply reply = initiate(client, malformed, Map.of());
                assertEquals(400, reply.status(), malformed + " " + reply);
                assertTrue(reply.isProblem(), reply.toString());
            }
            Api.Reply huge = initiate(client, "{\"callerName\":\"" + "h".repeat(100 * 1024)
                    + "\",\"phoneNumber\":\"0711000111\"}", Map.of());
            assertTrue(huge.status() == 400 || huge.status() == 413, huge.toString());
            assertTrue(huge.isProblem(), huge.toString());
            Api.Reply text = api.send("POST", "api/calls/initiate", "text/plain",
                    "{\"callerName\":\"A\",\"phoneNumber\":\"0711000111\"}", client);
            assertEquals(415, text.status(), text.toString());
            assertTrue(text.isProblem(), text.toString());
            Api.Reply badKey = initiate(client, body("Key", randomNational()), Map.of("Idempotency-Key", "x".repeat(300)));
            assertEquals(400, badKey.status(), badKey.toString());
            // Roles: an agent does not start calls; no token is a 401.
            assertEquals(403, initiate(api.createUser("agent").token(), body("Agent", randomNational()), Map.of()).status());
            Api.Reply anonymous = initiate(null, body("Nobody", randomNational()), Map.of());
            assertEquals(401, anonymous.status(), anonymous.toString());
            assertTrue(anonymous.isProblem(), anonymous.toString());

            assertEquals(calls, queryLong(db, "SELECT count(*) FROM calls"));
            assertEquals(events, queryLong(db, "SELECT count(*) FROM call_events"));
            assertEquals(keys, queryLong(db, "SELECT count(*) FROM idempotency_records"));
        }
    }

    // ---- caller tokens ------------------------------------------------------------------------------------------

    @Test
    void callerTokenEndsItsOwnCallAndNothingElse() throws SQLException {
        String client = api.clientToken();
        JsonObject mine = initiate(client, body("Token Holder", randomNational()), Map.of()).json();
        String id = mine.getString("id");
        String caller = mine.getString("callerToken");
        String otherId = initiate(client, body("Someone Else", randomNational()), Map.of()).json().getString("id");

        for (Api.Reply refused : List.of(api.get("api/calls", caller), api.get("api/calls/" + id, caller),
                api.post("api/calls/" + otherId + "/end", null, caller),
                api.post("api/calls/" + id + "/accept", null, caller),
                initiate(caller, body("Again", randomNational()), Map.of()))) {
            assertEquals(403, refused.status(), refused.toString());
            assertTrue(refused.isProblem(), refused.toString());
        }
        assertEquals("waiting", api.get("api/calls/" + otherId, admin).json().getString("status"));

        Api.Reply ended = api.post("api/calls/" + id + "/end", null, caller);
        assertEquals(200, ended.status(), ended.toString());
        assertEquals("missed", ended.json().getString("status"));
        assertEquals("ended_by_caller", ended.json().getString("hangupCause"));
        assertEquals(409, api.post("api/calls/" + id + "/end", null, caller).status());

        // From one hour after its call ended, the token is refused.
        try (Connection db = db(); PreparedStatement update = db.prepareStatement(
                "UPDATE calls SET ended_at = ended_at - INTERVAL '61 minutes' WHERE id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
        Api.Reply stale = api.post("api/calls/" + id + "/end", null, caller);
        assertEquals(401, stale.status(), stale.toString());
        assertTrue(stale.isProblem(), stale.toString());
        assertEquals(401, api.get("api/calls", caller).status());
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Api.Reply initiate(String token, String json, Map<String, String> headers) {
        return api.post("api/calls/initiate", json, token, headers);
    }

    private static String body(String name, String phone) {
        return Json.createObjectBuilder().add("callerName", name).add("phoneNumber", phone).build().toString();
    }

    /** A Kenyan mobile number no other test uses, in national form. */
    private static String randomNational() {
        return "0712" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    private static String e164(String national) {
        return "+254" + national.substring(1);
    }

    private static List<String> idsOf(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(c -> c.getString("id")).toList();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static long queryLong(Connection db, String sql, Object... params) throws SQLException {
        try (ResultSet rs = query(db, sql, params)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String queryString(Connection db, String sql, Object... params) throws SQLException {
        try (ResultSet rs = query(db, sql, params)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static ResultSet query(Connection db, String sql, Object... params) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            statement.setObject(i + 1, p instanceof String s && s.length() == 36 && s.charAt(8) == '-' ? UUID.fromString(s) : p);
        }
        return statement.executeQuery();
    }
}
