package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import callcenter.it.probe.PurgeCallbacksProbeServlet;

/**
 * Africa's Talking (api.md section 4) against the deployed EAR, real PostgreSQL and {@link FakeAfricasTalking}:
 * capability tokens, make-call with its Voice API fallback, and voice callbacks routed to agents.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AfricasTalkingIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String VOICE = "webhooks/africastalking/voice?secret=";
    private static FakeAfricasTalking fake;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.earWith(PurgeCallbacksProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startFake() throws Exception {
        fake = FakeAfricasTalking.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    private Api api() {
        return Api.at(base);
    }

    // ---- capability token -----------------------------------------------------------------------------------

    @Test
    void tokenWithDefaultsSendsApiKeyAndExpire() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/africastalking/capability-token", "{}", agent.token());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject token = reply.json();
        assertTrue(token.getString("token").startsWith("ATCAPtkn_"), token.toString());
        assertEquals("+254711082000", token.getString("phoneNumber"));
        assertEquals(agent.username(), token.getString("clientName")); // agent_xxxxxxxx has only allowed characters
        assertEquals(86400, token.getInt("lifeTimeSec"));
        assertTrue(token.getBoolean("incoming"));
        assertTrue(token.getBoolean("outgoing"));

        List<FakeAfricasTalking.Received> sent = fake.received("/webrtc/capability-token/request");
        assertEquals(1, sent.size());
        assertEquals(FakeAfricasTalking.API_KEY, sent.get(0).header("apiKey"));
        JsonObject request = sent.get(0).json();
        assertEquals("86400s", request.getString("expire"));
        assertEquals(FakeAfricasTalking.USERNAME, request.getString("username"));
        assertEquals(agent.username(), request.getString("clientName"));
        assertFalse(request.containsKey("lifeTimeSec"));
    }

    @Test
    void tokenWithOptionalFieldsInSnakeCase() {
        String admin = api().adminToken();
        Api.Reply reply = api().post("api/africastalking/capability-token", "{\"client_name\":\"desk_7\","
                + "\"phone_number\":\"0711082001\",\"incoming\":false,\"lifeTimeSec\":3600}", admin);
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("desk_7", reply.json().getString("clientName"));
        assertEquals("+254711082001", reply.json().getString("phoneNumber"));
        assertEquals(3600, reply.json().getInt("lifeTimeSec"));
        assertFalse(reply.json().getBoolean("incoming"));
        JsonObject request = fake.received("/webrtc/capability-token/request").get(0).json();
        assertEquals("3600s", request.getString("expire"));
        assertEquals("+254711082001", request.getString("phoneNumber"));
        assertEquals(JsonValue.FALSE, request.get("incoming"));
    }

    @Test
    void agentGetsATokenOnlyForItsOwnClientNameAndBadInputIs400() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply other = api().post("api/africastalking/capability-token", "{\"clientName\":\"someone_else\"}",
                agent.token());
        assertEquals(403, other.status(), other.toString());
        assertTrue(other.isProblem());
        Api.Reply bad = api().post("api/africastalking/capability-token", "{\"phoneNumber\":\"12\"}", agent.token());
        assertEquals(400, bad.status(), bad.toString());
        assertTrue(bad.isProblem());
        assertEquals(401, api().post("api/africastalking/capability-token", "{}", null).status());
        assertTrue(fake.received("/webrtc/capability-token/request").isEmpty());
    }

    @Test
    void wrongApiKeyIs502WithAtsMessageAndNoKey() {
        fake.failToken(FakeAfricasTalking.Failure.badKey());
        Api.Reply reply = api().post("api/africastalking/capability-token", "{}", api().createUser("agent").token());
        assertEquals(502, reply.status(), reply.toString());
        assertTrue(reply.isProblem());
        assertTrue(reply.json().getString("detail").contains("The supplied authentication is invalid"), reply.toString());
        assertFalse(reply.body().contains(FakeAfricasTalking.API_KEY));
    }

    // ---- make-call ------------------------------------------------------------------------------------------

    @Test
    void makeCallAnswersWebrtcAndLogsTheCall() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/africastalking/make-call", "{\"to\":\"0711000111\"}", agent.token());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject answer = reply.json();
        assertEquals("webrtc", answer.getString("callType"));
        assertEquals("+254711000111", answer.getString("destination"));
        assertEquals(agent.username(), answer.getString("clientName"));
        assertEquals("+254711082000", answer.getString("phoneNumber"));
        assertTrue(answer.getString("token").startsWith("ATCAPtkn_"));
        assertTrue(fake.received("/voice/call").isEmpty());

        JsonObject call = api().get("api/calls/" + answer.getString("callId"), agent.token()).json();
        assertEquals("outbound", call.getString("direction"));
        assertEquals("africastalking", call.getString("channel"));
        assertEquals("dialing", call.getString("status"));
        assertEquals("+254711000111", call.getString("phoneNumber"));
        assertEquals(agent.id(), call.getJsonObject("agent").getString("id"));
    }

    @Test
    void makeCallFallsBackToTheVoiceApiWhenNoTokenCanBeHad() {
        fake.failToken(FakeAfricasTalking.Failure.error(500, "WebRTC is down"));
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/africastalking/make-call", "{\"to\":\"+254 711 000 222\","
                + "\"from_\":\"0711082001\",\"callback_url\":\"https://example.com/at\"}", agent.token());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject answer = reply.json();
        assertEquals("voice", answer.getString("callType"));
        assertEquals("+254711000222", answer.getString("destination"));
        JsonObject entry = answer.getJsonArray("entries").getJsonObject(0);
        assertEquals("Queued", entry.getString("status"));
        String callId = answer.getString("callId");

        List<FakeAfricasTalking.Received> calls = fake.received("/voice/call");
        assertEquals(1, calls.size());
        FakeAfricasTalking.Received sent = calls.get(0);
        assertEquals(FakeAfricasTalking.API_KEY, sent.header("apiKey"));
        assertTrue(sent.header("Content-Type").startsWith("application/x-www-form-urlencoded"));
        Map<String, String> form = sent.form();
        assertEquals(FakeAfricasTalking.USERNAME, form.get("username"));
        assertEquals("+254711082001", form.get("from"));
        assertEquals("+254711000222", form.get("to"));
        assertEquals(callId, form.get("clientRequestId"));

        JsonObject call = api().get("api/calls/" + callId, agent.token()).json();
        assertEquals(entry.getString("sessionId"), call.getJsonObject("provider").getString("sessionId"));
        assertTrue(types(call).contains("provider.call"), call.toString());
    }

    @Test
    void bothFailingIs502WithAtsMessageAndAFailedCall() {
        fake.failToken(FakeAfricasTalking.Failure.error(500, "WebRTC is down"));
        fake.failVoice(FakeAfricasTalking.Failure.badKey());
        Api.TestUser agent = api().createUser("agent");
        String key = "at-" + UUID.randomUUID();
        Api.Reply reply = api().post("api/africastalking/make-call", "{\"to\":\"0711000333\"}", agent.token(),
                Map.of("Idempotency-Key", key));
        assertEquals(502, reply.status(), reply.toString());
        assertTrue(reply.isProblem());
        assertTrue(reply.json().getString("detail").contains("The supplied authentication is invalid"), reply.toString());
        String callId = reply.json().getString("callId");
        JsonObject call = api().get("api/calls/" + callId, agent.token()).json();
        assertEquals("failed", call.getString("status"));
        assertEquals("provider_error", call.getString("hangupCause"));

        // The same key and body: the same answer, and AT is not asked again.
        Api.Reply again = api().post("api/africastalking/make-call", "{ \"to\": \"0711000333\" }", agent.token(),
                Map.of("Idempotency-Key", key));
        assertEquals(502, again.status(), again.toString());
        assertEquals(callId, again.json().getString("callId"));
        assertEquals(1, fake.received("/voice/call").size());
    }

    @Test
    void idempotencyKeyReplaysASuccessAndRefusesAnotherBody() {
        String client = api().integratorToken();
        String key = "at-" + UUID.randomUUID();
        Api.Reply first = api().post("api/africastalking/make-call", "{\"to\":\"0711000444\"}", client,
                Map.of("Idempotency-Key", key));
        assertEquals(200, first.status(), first.toString());
        assertEquals("voice", first.json().getString("callType")); // an API client has no browser
        Api.Reply second = api().post("api/africastalking/make-call", "{\"to\":\"0711000444\"}", client,
                Map.of("Idempotency-Key", key));
        assertEquals(200, second.status(), second.toString());
        assertEquals(first.json().getString("callId"), second.json().getString("callId"));
        assertEquals(1, fake.received("/voice/call").size());
        Api.Reply other = api().post("api/africastalking/make-call", "{\"to\":\"0711000555\"}", client,
                Map.of("Idempotency-Key", key));
        assertEquals(409, other.status(), other.toString());
        assertEquals(1, fake.received("/voice/call").size());
    }

    /** Toll fraud (api.md sections 2 and 4): a mobile app's client cannot dial, and nobody dials from any number. */
    @Test
    void anAppClientGets403AndAForeignFromIs400AndNothingIsDialed() {
        Api.Reply app = api().post("api/africastalking/make-call", "{\"to\":\"0711000777\"}", api().clientToken());
        assertEquals(403, app.status(), app.toString());
        assertTrue(app.isProblem(), app.toString());
        for (String token : List.of(api().createUser("agent").token(), api().integratorToken())) {
            Api.Reply foreign = api().post("api/africastalking/make-call",
                    "{\"to\":\"0711000777\",\"from\":\"+254722000999\"}", token);
            assertEquals(400, foreign.status(), foreign.toString());
            assertTrue(foreign.isProblem(), foreign.toString());
            assertEquals("from", foreign.json().getJsonArray("errors").getJsonObject(0).getString("field"), foreign.toString());
        }
        assertTrue(fake.received("/voice/call").isEmpty(), fake.received("/voice/call").toString());
        Api.Reply calls = api().get("api/calls?phoneNumber=%2B254711000777", api().adminToken());
        assertTrue(calls.json().getJsonArray("items").isEmpty(), "a refused make-call stores no call: " + calls);
    }

    // ---- voice callbacks ------------------------------------------------------------------------------------

    @Test
    void inboundCallRingsTheAvailableAgentThenEndsOnceWithDurationAndCost() {
        Api.TestUser agent = api().createUser("agent");
        String session = "ATVId_" + UUID.randomUUID();
        String callId;
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            Api.Reply reply = callback(FakeAfricasTalking.SECRET, inbound(session, "+254722000111"));
            assertEquals(200, reply.status(), reply.toString());
            assertTrue(reply.contentType().startsWith("application/xml"), reply.toString());
            assertTrue(reply.body().contains("<Dial phoneNumbers=\""), reply.body());
            assertTrue(dialed(reply.body()).contains(FakeAfricasTalking.USERNAME + "." + agent.username()), reply.body());

            JsonValue incoming = socket.await("call:incoming",
                    d -> "africastalking".equals(d.asJsonObject().getString("channel", "")), WAIT);
            callId = incoming.asJsonObject().getString("callId");
            assertEquals("+254722000111", incoming.asJsonObject().getString("phoneNumber"));
            JsonObject call = api().get("api/calls/" + callId, agent.token()).json();
            assertEquals("waiting", call.getString("status"));
            assertEquals(session, call.getJsonObject("provider").getString("sessionId"));

            // The agent's browser answered: the dashboard accepts the call.
            assertEquals(200, api().post("api/calls/" + callId + "/accept", "", agent.token()).status());
        }
        Map<String, String> done = new LinkedHashMap<>();
        done.put("isActive", "0");
        done.put("sessionId", session);
        done.put("direction", "Inbound");
        done.put("callerNumber", "+254722000111");
        done.put("destinationNumber", "+254711082000");
        done.put("durationInSeconds", "42");
        done.put("hangupCause", "NORMAL_CLEARING");
        done.put("amount", "0.408333333333333345");
        done.put("currencyCode", "KES");
        Api.Reply end = callback(FakeAfricasTalking.SECRET, done);
        assertEquals(200, end.status(), end.toString());

        String admin = api().adminToken();
        JsonObject call = api().get("api/calls/" + callId, admin).json();
        assertEquals("ended", call.getString("status"));
        assertEquals(42, call.getInt("durationSeconds"));
        assertEquals("normal_clearing", call.getString("hangupCause"));
        JsonObject ended = event(call, "ended");
        assertEquals("0.408333333333333345", ended.getString("amount"));
        assertEquals("KES", ended.getString("currencyCode"));
        assertEquals(2, types(call).stream().filter("provider.callback"::equals).count(), types(call).toString());

        // AT repeats the final callback (fields in another order): same reply, nothing changes.
        Map<String, String> repeat = new LinkedHashMap<>();
        List<String> names = List.copyOf(done.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            repeat.put(names.get(i), done.get(names.get(i)));
        }
        Api.Reply again = callback(FakeAfricasTalking.SECRET, repeat);
        assertEquals(200, again.status());
        assertEquals(end.body(), again.body());
        JsonObject after = api().get("api/calls/" + callId, admin).json();
        assertEquals(call.getJsonArray("events").size(), after.getJsonArray("events").size(), after.toString());
        assertEquals(1, types(after).stream().filter("ended"::equals).count());

        // A late "in session" callback never moves the call backwards.
        Map<String, String> late = inbound(session, "+254722000111");
        late.put("callSessionState", "Active");
        assertEquals(200, callback(FakeAfricasTalking.SECRET, late).status());
        assertEquals("ended", api().get("api/calls/" + callId, admin).json().getString("status"));
    }

    @Test
    void withNobodyAvailableTheCallerHearsSoAndTheCallIsMissed() {
        String session = "ATVId_" + UUID.randomUUID();
        Api.Reply reply = callback(FakeAfricasTalking.SECRET, inbound(session, "+254722000222"));
        assertEquals(200, reply.status(), reply.toString());
        assertFalse(reply.body().contains("<Dial"), reply.body());
        assertTrue(reply.body().contains("<Say>") && reply.body().contains("nobody is available"), reply.body());
        JsonObject call = bySession(session);
        assertEquals("missed", call.getString("status"));
        assertEquals("no_agent_available", call.getString("hangupCause"));
        // The same callback again: the same reply and still one call.
        Api.Reply again = callback(FakeAfricasTalking.SECRET, inbound(session, "+254722000222"));
        assertEquals(reply.body(), again.body());
        assertEquals(1, calls().stream().filter(c -> session.equals(sessionOf(c))).count());
    }

    @Test
    void browserPlacedCallIsDialedAndLoggedAsTheAgentsOutboundCall() {
        Api.TestUser agent = api().createUser("agent");
        String callId = api().post("api/africastalking/make-call", "{\"to\":\"0711000666\"}", agent.token())
                .json().getString("callId");
        String session = "ATVId_" + UUID.randomUUID();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isActive", "1");
        form.put("sessionId", session);
        form.put("direction", "Inbound");
        form.put("callerNumber", FakeAfricasTalking.USERNAME + "." + agent.username());
        form.put("destinationNumber", "+254711082000");
        form.put("clientDialedNumber", "0711000666");
        Api.Reply reply = callback(FakeAfricasTalking.SECRET, form);
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.body().contains("<Dial phoneNumbers=\"+254711000666\" callerId=\"+254711082000\"/>"), reply.body());
        JsonObject call = api().get("api/calls/" + callId, agent.token()).json();
        assertEquals(session, call.getJsonObject("provider").getString("sessionId"), call.toString());
        assertEquals("outbound", call.getString("direction"));
        assertEquals(agent.id(), call.getJsonObject("agent").getString("id"));
    }

    @Test
    void wrongOrMissingSecretIs403AndStoresNothing() {
        String session = "ATVId_" + UUID.randomUUID();
        for (String secret : new String[]{"wrong", "", null}) {
            Api.Reply reply = callback(secret, inbound(session, "+254722000333"));
            assertEquals(403, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
        }
        // Whatever the body or its type: a stranger learns nothing but "not allowed".
        for (String[] typeAndBody : new String[][] {{"application/x-www-form-urlencoded", "sessionId=%zz"},
                {"application/json", "{\"sessionId\":\"" + session + "\"}"}, {"text/plain", "hello"}}) {
            Api.Reply reply = api().send("POST", VOICE + "wrong", typeAndBody[0], typeAndBody[1], null);
            assertEquals(403, reply.status(), typeAndBody[0] + " → " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertTrue(calls().stream().noneMatch(c -> session.equals(sessionOf(c))));
        // Nothing was remembered either: the right secret now gets a real answer and a call.
        Api.Reply reply = callback(FakeAfricasTalking.SECRET, inbound(session, "+254722000333"));
        assertEquals(200, reply.status());
        assertEquals("missed", bySession(session).getString("status"));
    }

    @Test
    void callbacksAndSessionsAreForgottenAfterAWeekAndNotBefore() throws SQLException {
        String aged = "ATVId_aged_" + UUID.randomUUID();
        String recent = "ATVId_recent_" + UUID.randomUUID();
        for (String session : List.of(aged, recent)) {
            Map<String, String> ended = new LinkedHashMap<>();
            ended.put("isActive", "0");
            ended.put("sessionId", session);
            ended.put("direction", "Inbound");
            assertEquals(200, callback(FakeAfricasTalking.SECRET, ended).status());
        }
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
            for (String table : List.of("at_callbacks SET received_at = received_at", "at_sessions SET created_at = created_at")) {
                try (PreparedStatement age = db.prepareStatement("UPDATE " + table
                        + " - CASE WHEN session_id = ? THEN INTERVAL '8 days' ELSE INTERVAL '6 days' END"
                        + " WHERE session_id IN (?, ?)")) {
                    age.setString(1, aged);
                    age.setString(2, aged);
                    age.setString(3, recent);
                    assertEquals(2, age.executeUpdate(), "both sessions were recorded: " + table);
                }
            }
            Api.Reply purged = api().send(api().request("it-probe/purge-at-callbacks", null)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, purged.status(), purged.toString());
            assertTrue(Integer.parseInt(purged.body().trim()) >= 2, purged.toString());
            for (String table : List.of("at_callbacks", "at_sessions")) {
                List<String> kept = new ArrayList<>();
                try (PreparedStatement left = db.prepareStatement("SELECT session_id FROM " + table
                        + " WHERE session_id IN (?, ?)")) {
                    left.setString(1, aged);
                    left.setString(2, recent);
                    try (ResultSet rows = left.executeQuery()) {
                        while (rows.next()) {
                            kept.add(rows.getString(1));
                        }
                    }
                }
                assertEquals(List.of(recent), kept, table + ": the 8-day-old row is forgotten, the 6-day-old one kept");
            }
        }
    }

    @Test
    void callbackWithoutSessionIs400() {
        Api.Reply reply = callback(FakeAfricasTalking.SECRET, Map.of("isActive", "1", "direction", "Inbound"));
        assertEquals(400, reply.status(), reply.toString());
        assertTrue(reply.isProblem());
    }

    @Test
    void aFinalCallbackWithAHangupCauseLongerThanItsColumnEndsTheCall() {
        Api.TestUser agent = api().createUser("agent");
        String session = "ATVId_" + UUID.randomUUID();
        String cause = "VERY_LONG_CAUSE_" + "Y".repeat(484);
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            // An agent is available, so the call waits instead of being missed at once.
            assertEquals(200, callback(FakeAfricasTalking.SECRET, inbound(session, "+254722000333")).status());
            Map<String, String> done = new LinkedHashMap<>(inbound(session, "+254722000333"));
            done.put("isActive", "0");
            done.put("durationInSeconds", "0");
            done.put("hangupCause", cause);
            Api.Reply end = callback(FakeAfricasTalking.SECRET, done);
            assertEquals(200, end.status(), end.toString());
        }
        JsonObject call = bySession(session);
        assertEquals("missed", call.getString("status"), call.toString());
        assertEquals(cause.toLowerCase(java.util.Locale.ROOT).substring(0, 64), call.getString("hangupCause"));
    }

    @Test
    void aBrowserCallToAnythingButOneKnownClientOrOneNumberIsRejected() {
        Api.TestUser agent = api().createUser("agent");
        for (String target : List.of(FakeAfricasTalking.USERNAME + ".no_such_client",
                FakeAfricasTalking.USERNAME + "." + agent.username() + ",+1900555000", "+254711000111,+1900555000",
                "sip:evil@attacker.example", FakeAfricasTalking.USERNAME + ".x\"/><Dial phoneNumbers=\"+1900")) {
            String session = "ATVId_" + UUID.randomUUID();
            Map<String, String> form = new LinkedHashMap<>();
            form.put("isActive", "1");
            form.put("sessionId", session);
            form.put("direction", "Inbound");
            form.put("callerNumber", FakeAfricasTalking.USERNAME + "." + agent.username());
            form.put("destinationNumber", "+254711082000");
            form.put("clientDialedNumber", target);
            Api.Reply reply = callback(FakeAfricasTalking.SECRET, form);
            assertEquals(200, reply.status(), target + " " + reply);
            assertTrue(reply.body().contains("<Reject/>") && !reply.body().contains("<Dial"), target + " " + reply.body());
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static Map<String, String> inbound(String session, String caller) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("isActive", "1");
        form.put("sessionId", session);
        form.put("direction", "Inbound");
        form.put("callerNumber", caller);
        form.put("destinationNumber", "+254711082000");
        form.put("callerCountryCode", "254");
        form.put("callStartTime", "2026-03-01 16:13:56");
        return form;
    }

    private Api.Reply callback(String secret, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        String path = secret == null ? "webhooks/africastalking/voice"
                : VOICE + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return api().send("POST", path, "application/x-www-form-urlencoded", body, null);
    }

    private static List<String> dialed(String xml) {
        int start = xml.indexOf("phoneNumbers=\"") + "phoneNumbers=\"".length();
        return List.of(xml.substring(start, xml.indexOf('"', start)).split(","));
    }

    private List<JsonObject> calls() {
        Api.Reply reply = api().get("api/calls?channel=africastalking&limit=500", api().adminToken());
        assertEquals(200, reply.status(), reply.toString());
        return reply.json().getJsonArray("items").stream().map(JsonValue::asJsonObject).toList();
    }

    private JsonObject bySession(String session) {
        JsonObject found = calls().stream().filter(c -> session.equals(sessionOf(c))).findFirst()
                .orElseThrow(() -> new AssertionError("no call for session " + session));
        return api().get("api/calls/" + found.getString("id"), api().adminToken()).json();
    }

    private static String sessionOf(JsonObject call) {
        JsonValue provider = call.get("provider");
        return provider == null || provider.getValueType() != JsonValue.ValueType.OBJECT ? null
                : provider.asJsonObject().getString("sessionId", null);
    }

    private static List<String> types(JsonObject call) {
        JsonArray events = call.getJsonArray("events");
        return events.stream().map(e -> e.asJsonObject().getString("type")).toList();
    }

    private static JsonObject event(JsonObject call, String type) {
        return call.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .filter(e -> type.equals(e.getString("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + call)).getJsonObject("data");
    }
}
