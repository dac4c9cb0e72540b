package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import callcenter.it.FuzzCorpus.Body;
import callcenter.it.FuzzCorpus.Endpoint;

/**
 * Hostile input over every endpoint of api.md and every client event of the WebSocket ({@link FuzzCorpus}, seeded:
 * the seed is printed, and {@code -Dfuzz.seed=<seed>} replays a run): never a 5xx (but a 502/504 from the fake
 * carrier where api.md allows one), every 4xx a problem+json without server internals, nothing stored by a 4xx,
 * the server still ready at the end; a socket answers garbage with {@code error} and keeps working.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** What a body must never show: stack traces, exception or server class names. */
    private static final List<String> INTERNALS = List.of("java.", "exception", "\tat ", "org.jboss", "undertow",
            "resteasy", "hibernate", "org.postgresql", "sqlstate", "jakarta.", "parsson", "weld");

    private static FakeTelnyx telnyx;
    private static FakeAfricasTalking africasTalking;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void start() throws Exception {
        System.out.println("FuzzIT seed " + SEED + " (replay with -Dfuzz.seed=" + SEED + ")");
        telnyx = FakeTelnyx.start();
        africasTalking = FakeAfricasTalking.start();
    }

    @AfterAll
    static void stop() {
        telnyx.close();
        africasTalking.close();
    }

    @Test
    void noHostileRequestGetsA5xxOrChangesAnything() throws SQLException {
        Api api = Api.at(base);
        api.endWaitingCalls();
        String admin = api.adminToken();
        Api.TestUser agent = api.createUser("agent");
        Api.TestUser victim = api.createUser("agent");
        Api.TestUser loginVictim = api.createUser("agent");
        Map<String, String> client = newClient(api, admin);
        String clientToken = clientToken(api, client);
        String victimClient = newClient(api, admin).get("client_id");

        // A call of the agent's that has ended: the target of accept, end and wrapup, which nothing else changes.
        Api.Reply initiated = api.post("api/calls/initiate", "{\"callerName\":\"Fuzz\",\"phoneNumber\":\"0711000123\"}",
                clientToken);
        assertEquals(201, initiated.status(), initiated.toString());
        String call = initiated.json().getString("id");
        assertEquals(200, api.post("api/calls/" + call + "/accept", "", agent.token()).status());
        assertEquals(200, api.post("api/calls/" + call + "/end", "", agent.token()).status());
        Api.Reply outbound = api.post("api/voice/calls/outbound", "{\"to\":\"0711000199\"}", admin);
        assertEquals(201, outbound.status(), outbound.toString());
        String leg = outbound.json().getJsonObject("provider").getString("callControlId");
        String secret = "?secret=" + FakeAfricasTalking.SECRET;

        List<Endpoint> endpoints = List.of(
                Endpoint.json("POST", "api/auth/login", null,
                        fields("username", loginVictim.username(), "password", loginVictim.password())),
                new Endpoint("POST", "api/auth/token", null, Body.FORM, fields("grant_type", "client_credentials",
                        "client_id", client.get("client_id"), "client_secret", client.get("client_secret")), false, false),
                Endpoint.json("POST", "api/calls/initiate", clientToken, fields("callerName", "Fuzz Caller",
                        "phoneNumber", "0711000124", "ivrOption", "2", "queueName", "general")),
                none("GET", "api/calls?limit=5&status=ended", admin),
                none("GET", "api/calls/" + call, admin),
                none("POST", "api/calls/" + call + "/accept", agent.token()),
                none("POST", "api/calls/" + call + "/end", agent.token()),
                Endpoint.json("POST", "api/calls/" + call + "/wrapup", agent.token(),
                        fields("disposition", "resolved", "note", "all good")),
                Endpoint.json("POST", "api/users", admin, fields("username", "fz_" + UUID.randomUUID().toString()
                        .substring(0, 8), "displayName", "Fuzz User", "password", "fuzz-password", "extension", "1999",
                        "role", "agent", "sipUsername", "fuzz.agent", "telnyxCredentialId", "fuzz-credential")),
                none("GET", "api/users?limit=5", admin),
                none("GET", "api/users/" + victim.id(), admin),
                Endpoint.json("PATCH", "api/users/" + victim.id(), admin, fields("displayName", "Victim",
                        "extension", "1998", "sipUsername", "victim_1", "telnyxCredentialId", "victim-credential")),
                none("DELETE", "api/users/" + victim.id(), admin),
                Endpoint.json("POST", "api/clients", admin, fields("name", "fuzz client", "scope", "app")),
                none("DELETE", "api/clients/" + victimClient, admin),
                none("GET", "api/sms?limit=5", agent.token()),
                none("GET", "api/stats", admin),
                none("GET", "api/webrtc/config", agent.token()),
                Endpoint.json("POST", "api/voice/calls/outbound", admin,
                        fields("to", "0711000199", "from", FakeTelnyx.PHONE_NUMBER)).viaCarrier(),
                none("POST", "api/voice/calls/" + leg + "/answer", admin).viaCarrier(),
                Endpoint.json("POST", "api/voice/calls/" + leg + "/connect-webrtc", admin,
                        fields("sipUsername", "gencredAgent1")).viaCarrier(),
                Endpoint.json("POST", "api/voice/calls/" + leg + "/dtmf", admin, fields("digits", "12#")).viaCarrier(),
                none("POST", "api/voice/calls/" + leg + "/hangup", admin).viaCarrier(),
                none("POST", "api/voice/webrtc-token", admin).viaCarrier(),
                Endpoint.json("POST", "api/africastalking/capability-token", admin,
                        fields("clientName", "admin", "phoneNumber", "+254711082000")).viaCarrier(),
                Endpoint.json("POST", "api/africastalking/make-call", admin, fields("to", "0711000666",
                        "from", "+254711082000", "callbackUrl", "https://example.com/at")).viaCarrier(),
                atCallback(secret, fields("isActive", "1", "sessionId", "ATVId_fz" + UUID.randomUUID(), "direction",
                        "Inbound", "callerNumber", "+254722000999", "destinationNumber", "+254711082000")),
                atCallback(secret, fields("isActive", "0", "sessionId", "ATVId_fz" + UUID.randomUUID(), "direction",
                        "Inbound", "callerNumber", "+254722000998", "destinationNumber", "+254711082000",
                        "durationInSeconds", "5", "hangupCause", "NORMAL_CLEARING", "amount", "0.4", "currencyCode", "KES")),
                atCallback(secret, fields("isActive", "1", "sessionId", "ATVId_fz" + UUID.randomUUID(), "direction",
                        "Inbound", "callerNumber", FakeAfricasTalking.USERNAME + "." + agent.username(),
                        "destinationNumber", "+254711082000", "clientDialedNumber", "0711000666")),
                telnyxEvent("webhooks/voice", "call.initiated", fields("call_control_id", "v3:fz-" + UUID.randomUUID(),
                        "connection_id", FakeTelnyx.CONNECTION_ID, "from", "+254711000207", "to", FakeTelnyx.PHONE_NUMBER,
                        "direction", "incoming", "state", "parked", "start_time", Instant.now().toString())),
                telnyxEvent("webhooks/voice", "call.hangup", fields("call_control_id", leg, "hangup_cause",
                        "normal_clearing", "hangup_source", "caller", "end_time", Instant.now().toString())),
                telnyxEvent("webhooks/sms", "message.received", fields("id", UUID.randomUUID().toString(),
                        "direction", "inbound", "type", "SMS", "text", "hello", "received_at", Instant.now().toString())),
                none("GET", "health/ready", null),
                none("GET", "health/live", null));

        List<FuzzCorpus.Case> cases = new FuzzCorpus(SEED).cases(endpoints);
        List<String> broken = new ArrayList<>();
        try (Connection db = database()) {
            for (FuzzCorpus.Case fuzz : cases) {
                String before = snapshot(db, call, victim.id());
                Api.Reply reply = send(api, fuzz);
                String problem = contractBreak(fuzz, reply);
                if (problem == null && reply.status() >= 400 && !before.equals(snapshot(db, call, victim.id()))) {
                    problem = "a " + reply.status() + " changed the database: " + before + " -> "
                            + snapshot(db, call, victim.id());
                }
                if (problem != null) {
                    broken.add(fuzz.endpoint().method() + " " + fuzz.path().replaceFirst("\\?.*", "")
                            + " [" + fuzz.label() + " as " + fuzz.method() + "]: " + problem);
                }
                if (reply.status() < 300) {
                    api.endWaitingCalls(); // so that no ring timeout changes anything while later cases are checked
                }
            }
        }
        System.out.println("FuzzIT sent " + cases.size() + " requests, " + broken.size() + " broke the contract");
        assertTrue(cases.size() >= 300, "only " + cases.size() + " cases");
        assertTrue(broken.isEmpty(), broken.size() + " of " + cases.size() + " answers broke the contract (seed " + SEED
                + "):\n" + String.join("\n", broken));
        Api.Reply ready = api.get("health/ready", null);
        assertEquals(200, ready.status(), ready.toString());
    }

    @Test
    void socketsAnswerGarbageWithErrorsAndKeepWorking() {
        Api api = Api.at(base);
        api.endWaitingCalls();
        Api.TestUser agent = api.createUser("agent");
        String clientToken = api.clientToken();
        FuzzCorpus corpus = new FuzzCorpus(SEED);
        try (WsClient agentSocket = WsClient.agent(base, agent.token())) {
            Api.Reply initiated = api.post("api/calls/initiate",
                    "{\"callerName\":\"Fuzz Socket\",\"phoneNumber\":\"0711000125\"}", clientToken);
            assertEquals(201, initiated.status(), initiated.toString());
            String call = initiated.json().getString("id");
            agentSocket.awaitCall("call:incoming", call, WAIT);
            try (WsClient callerSocket = WsClient.connect(base, initiated.json().getString("callerToken"))) {
                List<String> events = List.of("agent:register", "agent:status", "agent:ready", "call:accept",
                        "call:decline", "call:ended", "webrtc:offer", "webrtc:answer", "webrtc:ice", "webrtc:restart");
                garbage(agentSocket, corpus.frames(events, null), "agent");
                garbage(callerSocket, corpus.frames(events, call), "caller");

                // Both still work: the agent takes the call, and the caller's offer reaches it.
                agentSocket.send("call:accept", Json.createObjectBuilder().add("callId", call).build());
                agentSocket.awaitCall("call:accepted", call, WAIT);
                callerSocket.awaitCall("call:accepted", call, WAIT);
                callerSocket.send("webrtc:offer", Json.createObjectBuilder().add("callId", call).add("sdp", "v=0").build());
                agentSocket.awaitCall("webrtc:offer", call, WAIT);
                api.post("api/calls/" + call + "/end", "", agent.token());
            }
        }
        assertEquals(200, api.get("health/ready", null).status());
    }

    /** Each frame must be answered by one more {@code error} event, and the socket must stay open. */
    private static void garbage(WsClient socket, List<String> frames, String who) {
        List<String> unanswered = new ArrayList<>();
        for (String frame : frames) {
            int errors = socket.events("error").size();
            socket.sendRaw(frame);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (socket.events("error").size() == errors && System.nanoTime() < deadline && socket.isOpen()) {
                sleep(10);
            }
            if (socket.events("error").size() == errors) {
                unanswered.add(frame.length() > 200 ? frame.substring(0, 200) + "..." : frame);
            }
            assertTrue(socket.isOpen(), who + " socket closed after " + frame + " (seed " + SEED + ")");
            sleep(60); // below the per-socket rate limit: this test is about garbage, not floods
        }
        for (var error : socket.events("error")) {
            String code = error.asJsonObject().getString("code");
            assertTrue(List.of("bad_request", "unknown_event", "not_found", "forbidden", "call_already_taken",
                    "call_not_active").contains(code), who + ": code " + code + " is not one of api.md's " + error);
            assertTrue(!error.toString().toLowerCase(Locale.ROOT).contains("exception"), error.toString());
        }
        assertTrue(unanswered.isEmpty(), who + " frames without an error event (seed " + SEED + "): " + unanswered);
    }

    /** What is wrong with this answer, or null. */
    private static String contractBreak(FuzzCorpus.Case fuzz, Api.Reply reply) {
        int status = reply.status();
        boolean carrierError = fuzz.endpoint().carrier() && (status == 502 || status == 504);
        if (status >= 500 && !carrierError) {
            return "answered " + excerpt(reply);
        }
        String body = reply.body().toLowerCase(Locale.ROOT);
        for (String internal : INTERNALS) {
            if (body.contains(internal)) {
                return "shows \"" + internal + "\": " + excerpt(reply);
            }
        }
        if (status >= 400 && !fuzz.method().equals("HEAD") && !reply.isProblem()) {
            return "a " + status + " that is not problem+json: " + excerpt(reply);
        }
        return null;
    }

    private static String excerpt(Api.Reply reply) {
        String text = reply.toString();
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private Api.Reply send(Api api, FuzzCorpus.Case fuzz) {
        HttpRequest.Builder request = api.request(fuzz.path(), fuzz.endpoint().token())
                .method(fuzz.method(), HttpRequest.BodyPublishers.ofByteArray(fuzz.body()));
        if (fuzz.contentType() != null) {
            request.header("Content-Type", fuzz.contentType());
        }
        if (fuzz.endpoint().signed()) {
            String timestamp = Long.toString(Instant.now().getEpochSecond());
            request.header("telnyx-timestamp", timestamp)
                    .header("telnyx-signature-ed25519", FakeTelnyx.sign(FakeTelnyx.signingKey(), timestamp, fuzz.body()));
        }
        try {
            return api.send(request.build());
        } catch (RuntimeException e) {
            // A reset connection is an answer too, and not a good one.
            return new Api.Reply(599, "", Map.of(), "no answer: " + e);
        }
    }

    /** Row counts of what a request could store, and the rows the fuzz targets, as one comparable string. */
    private static String snapshot(Connection db, String call, String user) throws SQLException {
        StringBuilder state = new StringBuilder();
        for (String table : List.of("calls", "users", "api_clients", "sms_messages")) {
            state.append(table).append('=').append(scalar(db, "SELECT count(*) FROM " + table, null)).append(' ');
        }
        state.append("call=").append(scalar(db, "SELECT md5(c::text) FROM calls c WHERE id = ?::uuid", call));
        state.append(" events=").append(scalar(db, "SELECT count(*) FROM call_events WHERE call_id = ?::uuid", call));
        state.append(" user=").append(scalar(db, "SELECT md5(u::text) FROM users u WHERE id = ?::uuid", user));
        return state.toString();
    }

    private static String scalar(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : "none";
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"),
                System.getProperty("it.db.password"));
    }

    private static Endpoint none(String method, String path, String token) {
        return new Endpoint(method, path, token, Body.NONE, Map.of(), false, false);
    }

    private static Endpoint atCallback(String secret, Map<String, String> form) {
        return new Endpoint("POST", "webhooks/africastalking/voice" + secret, null, Body.FORM, form, false, false);
    }

    /** A signed Telnyx webhook whose payload is the template; each case gets its own event id. */
    private static Endpoint telnyxEvent(String path, String type, Map<String, String> payload) {
        return new Endpoint("POST", path, null, Body.JSON, payload, false, true).wrapped(json -> "{\"data\":{"
                + "\"record_type\":\"event\",\"event_type\":\"" + type + "\",\"id\":\"" + UUID.randomUUID()
                + "\",\"occurred_at\":\"" + Instant.now() + "\",\"payload\":" + json + "},\"meta\":{\"attempt\":1}}");
    }

    private static Map<String, String> newClient(Api api, String admin) {
        Api.Reply created = api.post("api/clients", "{\"name\":\"fuzz-" + UUID.randomUUID() + "\"}", admin);
        assertEquals(201, created.status(), created.toString());
        return Map.of("client_id", created.json().getString("clientId"),
                "client_secret", created.json().getString("clientSecret"));
    }

    private static String clientToken(Api api, Map<String, String> client) {
        String form = "grant_type=client_credentials&client_id=" + client.get("client_id") + "&client_secret="
                + client.get("client_secret");
        Api.Reply token = api.send(api.request("api/auth/token", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
        assertEquals(200, token.status(), token.toString());
        return token.json().getString("access_token");
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
