package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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

import callcenter.it.probe.PurgeWebhooksProbeServlet;

/**
 * Telnyx Call Control v2 (api.md section 4) against the deployed EAR, real PostgreSQL and {@link FakeTelnyx}:
 * outbound calls, commands and their command_ids, provider errors and timeouts, WebRTC tokens, and signed voice
 * and SMS webhooks (verification, de-duplication, ordering, offering to agents, answer and transfer on accept).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelnyxIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static FakeTelnyx fake;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.earWith(PurgeWebhooksProbeServlet.class);
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startFake() throws Exception {
        fake = FakeTelnyx.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    /** Leaves no call waiting for the ring timeout: later test classes count the calls offered to agents. */
    @org.junit.jupiter.api.AfterEach
    void endWaitingCalls() {
        api().endWaitingCalls();
    }

    @BeforeEach
    void resetFake() {
        fake.reset();
    }

    private Api api() {
        return Api.at(base);
    }

    // ---- outbound -------------------------------------------------------------------------------------------

    @Test
    void outboundDialsTelnyxAndFollowsTheLegThroughItsWebhooks() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000111\"}", agent.token());
        assertEquals(201, reply.status(), reply.toString());
        JsonObject call = reply.json();
        assertEquals("dialing", call.getString("status"));
        assertEquals("telnyx", call.getString("channel"));
        assertEquals("outbound", call.getString("direction"));
        assertEquals("+254711000111", call.getString("phoneNumber"));
        String leg = call.getJsonObject("provider").getString("callControlId");
        assertTrue(reply.header("Location").endsWith("/api/calls/" + call.getString("id")), reply.toString());

        List<FakeTelnyx.Received> dials = fake.received("/v2/calls");
        assertEquals(1, dials.size());
        FakeTelnyx.Received dial = dials.get(0);
        assertEquals("Bearer " + FakeTelnyx.API_KEY, dial.header("Authorization"));
        JsonObject sent = dial.json();
        assertEquals(FakeTelnyx.CONNECTION_ID, sent.getString("connection_id"));
        assertEquals("+254711000111", sent.getString("to"));
        assertEquals(FakeTelnyx.PHONE_NUMBER, sent.getString("from"), "TELNYX_PHONE_NUMBER without from");
        assertEquals(FakeTelnyx.WEBHOOK_URL, sent.getString("webhook_url"));
        assertFalse(sent.getString("command_id", "").isBlank());

        String id = call.getString("id");
        assertEquals(200, voice("call.answered", leg, Json.createObjectBuilder()).status());
        assertEquals("active", get(id, agent.token()).getString("status"));
        assertEquals(200, voice("call.hangup", leg, Json.createObjectBuilder().add("hangup_cause", "NORMAL_CLEARING")
                .add("hangup_source", "callee")).status());
        JsonObject ended = get(id, agent.token());
        assertEquals("ended", ended.getString("status"));
        assertEquals("normal_clearing", ended.getString("hangupCause"));
        assertTrue(types(ended).containsAll(List.of("provider.call.answered", "provider.call.hangup")),
                "api.md section 3: provider.<event_type> " + ended);
        assertFalse(types(ended).contains("provider.webhook"), ended.toString());
    }

    @Test
    void outboundWithFromUsesItAndAnIntegratorMayPlaceCalls() {
        String client = api().integratorToken();
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"+254 711 000 112\",\"from\":\"0711082100\"}",
                client);
        assertEquals(201, reply.status(), reply.toString());
        assertEquals(FakeTelnyx.PHONE_NUMBER, fake.received("/v2/calls").get(0).json().getString("from"));
    }

    /** Toll fraud (api.md sections 2 and 4): a mobile app's client cannot dial, and nobody dials from any number. */
    @Test
    void anAppClientGets403AndAForeignFromIs400AndNothingIsDialed() {
        Api.Reply app = api().post("api/voice/calls/outbound", "{\"to\":\"0711000118\"}", api().clientToken());
        assertEquals(403, app.status(), app.toString());
        assertTrue(app.isProblem(), app.toString());
        for (String token : List.of(api().adminToken(), api().integratorToken())) {
            Api.Reply foreign = api().post("api/voice/calls/outbound", "{\"to\":\"0711000118\",\"from\":\"+14155550100\"}",
                    token);
            assertEquals(400, foreign.status(), foreign.toString());
            assertTrue(foreign.isProblem(), foreign.toString());
            assertEquals("from", foreign.json().getJsonArray("errors").getJsonObject(0).getString("field"), foreign.toString());
        }
        assertTrue(fake.received("/v2/calls").isEmpty(), fake.received("/v2/calls").toString());
        Api.Reply calls = api().get("api/calls?phoneNumber=%2B254711000118", api().adminToken());
        assertTrue(calls.json().getJsonArray("items").isEmpty(), "a refused dial stores no call: " + calls);
    }

    @Test
    void refusedDialIs502WithTelnyxDetailAndTheCallStaysFailed() {
        fake.fail("/v2/calls", FakeTelnyx.Failure.error(422, "10016", "Invalid phone number",
                "Phone number must be in +E.164 format"));
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000113\"}", agent.token());
        assertEquals(502, reply.status(), reply.toString());
        assertTrue(reply.isProblem(), reply.toString());
        assertTrue(reply.json().getString("detail").contains("Phone number must be in +E.164 format"), reply.toString());
        assertFalse(reply.body().contains(FakeTelnyx.API_KEY));
        JsonObject call = get(reply.json().getString("callId"), agent.token());
        assertEquals("failed", call.getString("status"));
        assertEquals("provider_error", call.getString("hangupCause"));
        assertTrue(call.getJsonArray("events").toString().contains("Phone number must be in +E.164 format"),
                call.toString());
    }

    @Test
    void serverErrorOfTelnyxIs502() {
        fake.fail("/v2/calls", FakeTelnyx.Failure.error(500, "10007", "Unexpected error", "An unexpected error occured."));
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000114\"}", api().adminToken());
        assertEquals(502, reply.status(), reply.toString());
        assertTrue(reply.json().getString("detail").contains("An unexpected error occured."), reply.toString());
    }

    @Test
    void stalledDialIs504AndTheCallFails() {
        fake.stall("/v2/calls", Duration.ofSeconds(Long.getLong("it.provider.timeout.seconds", 3) + 3));
        Api.TestUser agent = api().createUser("agent");
        long started = System.nanoTime();
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000115\"}", agent.token());
        assertEquals(504, reply.status(), reply.toString());
        assertTrue(reply.isProblem());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 20);
        assertEquals("provider_timeout", get(reply.json().getString("callId"), agent.token()).getString("hangupCause"));
    }

    @Test
    void aDialThatTimedOutHereIsHungUpWhenItsLegShowsUp() throws Exception {
        fake.stall("/v2/calls", Duration.ofSeconds(Long.getLong("it.provider.timeout.seconds", 3) + 1));
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000125\"}", agent.token());
        assertEquals(504, reply.status(), reply.toString());
        String callId = reply.json().getString("callId");
        // Telnyx did place the call: its leg reports in with the client_state the dial carried.
        String clientState = fake.received("/v2/calls").get(0).json().getString("client_state");
        String leg = FakeTelnyx.newCallControlId();
        assertEquals(200, voice("call.answered", leg, Json.createObjectBuilder().add("client_state", clientState))
                .status());
        List<FakeTelnyx.Received> commands = fake.awaitCommands(leg, 1, Duration.ofSeconds(10));
        assertTrue(commands.get(0).path().endsWith("/actions/hangup"), commands.toString());
        JsonObject call = get(callId, agent.token());
        assertEquals("failed", call.getString("status"), "the call stays failed; only its stray leg is ended");
    }

    /**
     * A dial Telnyx never reports on (its webhooks do not reach the platform): not left dialing for good, but failed
     * with provider_timeout after CALLCENTER_DIAL_TIMEOUT_SECONDS, and its leg hung up.
     */
    @Test
    void aDialTelnyxNeverReportsOnFailsAfterTheDialTimeoutAndItsLegIsHungUp() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        long placed = System.nanoTime();
        String leg = outbound(agent.token());
        String id = byLeg(leg).orElseThrow().getString("id");
        int dialTimeout = Integer.getInteger("it.dial.timeout.seconds", 25);
        List<FakeTelnyx.Received> sent = fake.awaitCommands(leg, 1, Duration.ofSeconds(dialTimeout + 20));
        assertTrue(sent.get(0).path().endsWith("/actions/hangup"), sent.toString());
        assertTrue(System.nanoTime() - placed >= TimeUnit.SECONDS.toNanos(dialTimeout), "not before the timeout");
        JsonObject call = get(id, agent.token());
        assertEquals("failed", call.getString("status"), call.toString());
        assertEquals("provider_timeout", call.getString("hangupCause"), call.toString());
        assertTrue(types(call).contains("failed"), call.toString());
        // Telnyx's hangup that follows changes nothing.
        voice("call.hangup", leg, Json.createObjectBuilder().add("hangup_cause", "NORMAL_CLEARING"));
        assertEquals("provider_timeout", get(id, agent.token()).getString("hangupCause"));
    }

    @Test
    void outboundUnderAnIdempotencyKeyDialsOnceAndAnswersTheSameCall() {
        Api.TestUser agent = api().createUser("agent");
        Map<String, String> key = Map.of("Idempotency-Key", "out-" + UUID.randomUUID());
        Api.Reply first = api().post("api/voice/calls/outbound", "{\"to\":\"0711000126\"}", agent.token(), key);
        assertEquals(201, first.status(), first.toString());
        Api.Reply again = api().post("api/voice/calls/outbound", "{ \"to\" : \"0711000126\" }", agent.token(), key);
        assertEquals(200, again.status(), again.toString());
        assertEquals(first.json().getString("id"), again.json().getString("id"));
        Api.Reply other = api().post("api/voice/calls/outbound", "{\"to\":\"0711000127\"}", agent.token(), key);
        assertEquals(409, other.status(), other.toString());
        assertTrue(other.isProblem());
        assertEquals(1, fake.received("/v2/calls").size(), "one Dial for one key");
    }

    @Test
    void concurrentOutboundsWithOneKeyDialOnce() throws Exception {
        fake.stall("/v2/calls", Duration.ofMillis(1500));
        Api.TestUser agent = api().createUser("agent");
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + UUID.randomUUID());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                replies.add(pool.submit(() -> api().post("api/voice/calls/outbound", "{\"to\":\"0711000128\"}",
                        agent.token(), key)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (var reply : replies) {
                statuses.add(reply.get().status());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409 || s == 200), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fake.received("/v2/calls").size(), "one Dial for one key");
    }

    @Test
    void aRefusedDialIsReplayedWithItsErrorAndNotDialledAgain() {
        fake.fail("/v2/calls", FakeTelnyx.Failure.error(422, "10015", "Invalid destination", "The number is not valid."));
        Api.TestUser agent = api().createUser("agent");
        Map<String, String> key = Map.of("Idempotency-Key", "refused-" + UUID.randomUUID());
        Api.Reply first = api().post("api/voice/calls/outbound", "{\"to\":\"0711000129\"}", agent.token(), key);
        assertEquals(502, first.status(), first.toString());
        fake.reset();
        Api.Reply again = api().post("api/voice/calls/outbound", "{\"to\":\"0711000129\"}", agent.token(), key);
        assertEquals(502, again.status(), again.toString());
        assertTrue(again.isProblem());
        assertEquals(first.json().getString("callId"), again.json().getString("callId"));
        assertEquals(first.json().getString("detail"), again.json().getString("detail"));
        assertTrue(fake.received("/v2/calls").isEmpty(), "the retry did not dial");
    }

    @Test
    void badOutboundInputIs400AndNothingIsDialed() {
        String admin = api().adminToken();
        for (String body : List.of("{}", "{\"to\":\"12\"}", "{\"to\":5}", "[]", "not json")) {
            Api.Reply reply = api().post("api/voice/calls/outbound", body, admin);
            assertEquals(400, reply.status(), body + " → " + reply);
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertEquals(401, api().post("api/voice/calls/outbound", "{\"to\":\"0711000116\"}", null).status());
        assertTrue(fake.received("/v2/calls").isEmpty());
    }

    // ---- commands -------------------------------------------------------------------------------------------

    @Test
    void eachCommandGoesToItsTelnyxActionWithItsBody() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        String path = "api/voice/calls/" + leg + "/";
        assertOk(api().post(path + "answer", "", agent.token()));
        assertOk(api().post(path + "connect-webrtc", "{}", agent.token()));
        assertOk(api().post(path + "connect-webrtc", "{\"sipUsername\":\"gencredOther\"}", agent.token()));
        assertOk(api().post(path + "dtmf", "{\"digits\":\"12#w*A\"}", agent.token()));
        assertOk(api().post(path + "hangup", null, agent.token()));

        List<FakeTelnyx.Received> sent = fake.receivedFor(leg);
        assertEquals(List.of("answer", "transfer", "transfer", "send_dtmf", "hangup"),
                sent.stream().map(r -> r.path().substring(r.path().lastIndexOf('/') + 1)).toList());
        sent.forEach(r -> {
            assertEquals("Bearer " + FakeTelnyx.API_KEY, r.header("Authorization"));
            assertFalse(r.json().getString("command_id", "").isBlank(), r.body());
        });
        assertEquals("sip:" + FakeTelnyx.DEFAULT_SIP_USER + "@sip.telnyx.com", sent.get(1).json().getString("to"));
        assertEquals("sip:gencredOther@sip.telnyx.com", sent.get(2).json().getString("to"));
        assertEquals("12#w*A", sent.get(3).json().getString("digits"));
        assertEquals(5, sent.stream().map(r -> r.json().getString("command_id")).distinct().count());
    }

    @Test
    void retriedCommandWithTheSameIdempotencyKeySendsTheSameCommandId() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        String path = "api/voice/calls/" + leg + "/dtmf";
        String key = "dtmf-" + UUID.randomUUID();
        assertOk(api().post(path, "{\"digits\":\"1\"}", agent.token(), Map.of("Idempotency-Key", key)));
        assertOk(api().post(path, "{\"digits\":\"1\"}", agent.token(), Map.of("Idempotency-Key", key)));
        assertOk(api().post(path, "{\"digits\":\"1\"}", agent.token(), Map.of("Idempotency-Key", key + "-other")));
        assertOk(api().post(path, "{\"digits\":\"1\"}", agent.token()));
        List<String> ids = fake.receivedFor(leg).stream().map(r -> r.json().getString("command_id")).toList();
        assertEquals(4, ids.size());
        assertEquals(ids.get(0), ids.get(1));
        assertNotEquals(ids.get(0), ids.get(2));
        assertNotEquals(ids.get(0), ids.get(3));
    }

    @Test
    void invalidDigitsUnknownLegsAndOtherClientsCallsSendNothing() {
        String client = api().integratorToken();
        Api.Reply placed = api().post("api/voice/calls/outbound", "{\"to\":\"0711000117\"}", client);
        assertEquals(201, placed.status(), placed.toString());
        String leg = placed.json().getJsonObject("provider").getString("callControlId");
        fake.reset();
        for (String body : List.of("{}", "{\"digits\":\"\"}", "{\"digits\":\"12x\"}", "{\"digits\":\"" + "1".repeat(65) + "\"}")) {
            Api.Reply reply = api().post("api/voice/calls/" + leg + "/dtmf", body, client);
            assertEquals(400, reply.status(), body + " → " + reply);
            assertTrue(reply.isProblem());
        }
        Api.Reply unknown = api().post("api/voice/calls/v3:unknown-leg/hangup", "", client);
        assertEquals(404, unknown.status(), unknown.toString());
        assertTrue(unknown.isProblem());
        Api.Reply foreign = api().post("api/voice/calls/" + leg + "/hangup", "", api().integratorToken());
        assertEquals(404, foreign.status(), foreign.toString());
        Api.Reply app = api().post("api/voice/calls/" + leg + "/hangup", "", api().clientToken());
        assertEquals(403, app.status(), app.toString());
        assertEquals(404, api().post("api/voice/calls/" + leg + "/reject", "", client).status());
        assertTrue(fake.receivedFor(leg).isEmpty(), fake.receivedFor(leg).toString());
        assertOk(api().post("api/voice/calls/" + leg + "/hangup", "", client));
        assertEquals(1, fake.receivedFor(leg).size());
    }

    @Test
    void commandRefusedByTelnyxIs502AndTimeoutIs504() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        fake.fail("/actions/hangup", FakeTelnyx.Failure.error(422, "90018", "Call has already ended",
                "This call is no longer active and can't receive commands."));
        Api.Reply refused = api().post("api/voice/calls/" + leg + "/hangup", "", agent.token());
        assertEquals(502, refused.status(), refused.toString());
        assertTrue(refused.isProblem());
        assertTrue(refused.json().getString("detail").contains("no longer active"), refused.toString());
        assertFalse(refused.body().contains(FakeTelnyx.API_KEY));

        fake.reset();
        fake.stall("/actions/answer", Duration.ofSeconds(Long.getLong("it.provider.timeout.seconds", 3) + 3));
        Api.Reply stalled = api().post("api/voice/calls/" + leg + "/answer", "", agent.token());
        assertEquals(504, stalled.status(), stalled.toString());
        assertTrue(stalled.isProblem());
    }

    // ---- WebRTC token ---------------------------------------------------------------------------------------

    @Test
    void webrtcTokenComesFromTheUsersCredentialElseTheDefault() {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply reply = api().post("api/voice/webrtc-token", "", agent.token());
        assertEquals(200, reply.status(), reply.toString());
        assertTrue(reply.json().getString("token").startsWith("eyJ"), reply.toString());
        FakeTelnyx.Received sent = fake.received("/v2/telephony_credentials/" + FakeTelnyx.DEFAULT_CREDENTIAL + "/token")
                .get(0);
        assertEquals("Bearer " + FakeTelnyx.API_KEY, sent.header("Authorization"));
        assertTrue(sent.header("Accept").contains("text/plain"), sent.header("Accept"));

        Api.Reply patched = api().patch("api/users/" + agent.id(), "{\"telnyxCredentialId\":\"cred-own-1\"}",
                api().adminToken());
        assertEquals(200, patched.status(), patched.toString());
        assertEquals(200, api().post("api/voice/webrtc-token", "", agent.token()).status());
        assertEquals(1, fake.received("/v2/telephony_credentials/cred-own-1/token").size());
        assertEquals(403, api().post("api/voice/webrtc-token", "", api().clientToken()).status());
    }

    // ---- webhooks -------------------------------------------------------------------------------------------

    @Test
    void unsignedBadlySignedAlteredAndStaleWebhooksAre403AndRecordNothing() throws Exception {
        String leg = FakeTelnyx.newCallControlId();
        String body = FakeTelnyx.envelope(UUID.randomUUID().toString(), "call.initiated", incoming(leg, "+254711000201"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String now = Long.toString(Instant.now().getEpochSecond());
        var url = api().base().resolve("webhooks/voice");
        var otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        String stale = Long.toString(Instant.now().minusSeconds(301).getEpochSecond());
        List<java.net.http.HttpRequest> bad = List.of(
                FakeTelnyx.webhook(url, body, null, null),
                FakeTelnyx.webhook(url, body, now, FakeTelnyx.sign(otherKey, now, bytes)),
                FakeTelnyx.webhook(url, body.replace("+254711000201", "+254711000202"), now,
                        FakeTelnyx.sign(FakeTelnyx.signingKey(), now, bytes)),
                FakeTelnyx.webhook(url, body, stale, FakeTelnyx.sign(FakeTelnyx.signingKey(), stale, bytes)));
        for (var request : bad) {
            Api.Reply reply = api().send(request);
            assertEquals(403, reply.status(), reply.toString());
            assertTrue(reply.isProblem(), reply.toString());
        }
        assertTrue(byLeg(leg).isEmpty(), "a refused webhook created a call");
        // The same event, properly signed, is then taken: the refused deliveries did not even record its id.
        assertEquals(200, api().send(FakeTelnyx.signedWebhook(url, body)).status());
        assertEquals("waiting", byLeg(leg).orElseThrow().getString("status"));
    }

    @Test
    void theSameEventTwiceMakesOneTimelineEntry() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        String event = FakeTelnyx.envelope(UUID.randomUUID().toString(), "call.answered", Json.createObjectBuilder()
                .add("call_control_id", leg).add("state", "answered").build());
        var url = api().base().resolve("webhooks/voice");
        assertEquals(200, api().send(FakeTelnyx.signedWebhook(url, event)).status());
        assertEquals(200, api().send(FakeTelnyx.signedWebhook(url, event)).status());
        JsonObject call = byLegWithEvents(leg, agent.token());
        assertEquals("active", call.getString("status"));
        assertEquals(1, types(call).stream().filter("provider.call.answered"::equals).count(), call.toString());
    }

    @Test
    void hangupBeforeAnswerStaysFinal() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        voice("call.hangup", leg, Json.createObjectBuilder().add("hangup_cause", "user_busy"));
        voice("call.answered", leg, Json.createObjectBuilder());
        JsonObject call = byLegWithEvents(leg, agent.token());
        assertEquals("ended", call.getString("status"));
        assertEquals("user_busy", call.getString("hangupCause"));
        assertTrue(types(call).containsAll(List.of("provider.call.hangup", "provider.call.answered")),
                "every event is in the timeline: " + call);

        String inbound = FakeTelnyx.newCallControlId();
        voiceRaw("call.initiated", incoming(inbound, "+254711000203"));
        voice("call.hangup", inbound, Json.createObjectBuilder().add("hangup_cause", "ORIGINATOR_CANCEL"));
        voice("call.answered", inbound, Json.createObjectBuilder());
        JsonObject missed = byLeg(inbound).orElseThrow();
        assertEquals("missed", missed.getString("status"));
        assertEquals("originator_cancel", missed.getString("hangupCause"));
    }

    @Test
    void incomingCallReachesAConnectedAgentAndAcceptAnswersThenTransfersToItsSipUser() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        String sipUser = "gencred" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        assertEquals(200, api().patch("api/users/" + agent.id(), "{\"sipUsername\":\"" + sipUser + "\"}",
                api().adminToken()).status());
        String leg = FakeTelnyx.newCallControlId();
        String caller = "+2547110" + (10000 + (int) (Math.random() * 89999));
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            assertEquals(200, voiceRaw("call.initiated", incoming(leg, caller)).status());
            JsonObject incoming = (JsonObject) socket.await("call:incoming",
                    d -> d instanceof JsonObject o && caller.equals(o.getString("phoneNumber", null)), WAIT);
            assertEquals("telnyx", incoming.getString("channel"));
            String callId = incoming.getString("callId");
            assertTrue(fake.receivedFor(leg).isEmpty(), "an inbound call is answered only when an agent accepts it");

            Api.Reply accepted = api().post("api/calls/" + callId + "/accept", "", agent.token());
            assertEquals(200, accepted.status(), accepted.toString());
            List<FakeTelnyx.Received> commands = fake.awaitCommands(leg, 2, WAIT);
            assertTrue(commands.get(0).path().endsWith("/actions/answer"), commands.toString());
            assertTrue(commands.get(1).path().endsWith("/actions/transfer"), commands.toString());
            assertEquals("sip:" + sipUser + "@sip.telnyx.com", commands.get(1).json().getString("to"));
            assertFalse(commands.get(0).json().getString("command_id").equals(commands.get(1).json().getString("command_id")));

            voice("call.answered", leg, Json.createObjectBuilder());
            JsonObject call = get(callId, agent.token());
            assertEquals("active", call.getString("status"));
            assertEquals(agent.id(), call.getJsonObject("agent").getString("id"));
        }
    }

    @Test
    void aCallAnsweredBeforeAnAgentTookItIsOnlyTransferredToTheAgent() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        String leg = FakeTelnyx.newCallControlId();
        voiceRaw("call.initiated", incoming(leg, "+254711000206"));
        // Telnyx reports the leg answered (an integrator's answer command, api.md section 4) before any agent took
        // the call: it is active with no agent.
        voice("call.answered", leg, Json.createObjectBuilder());
        JsonObject call = byLeg(leg).orElseThrow();
        assertEquals("active", call.getString("status"), call.toString());
        assertEquals(JsonValue.NULL, call.get("agent"), call.toString());

        Api.Reply accepted = api().post("api/calls/" + call.getString("id") + "/accept", "", agent.token());
        assertEquals(200, accepted.status(), accepted.toString());
        List<FakeTelnyx.Received> commands = fake.awaitCommands(leg, 1, WAIT);
        // Telnyx refuses a second answer, and the transfer waited for the answer: only the transfer is sent.
        assertTrue(commands.get(0).path().endsWith("/actions/transfer"), commands.toString());
        Thread.sleep(1000);
        assertEquals(1, fake.receivedFor(leg).size(), fake.receivedFor(leg).toString());
        assertFalse(types(get(call.getString("id"), agent.token())).contains("command_failed"));
    }

    @Test
    void failedTransferAfterAcceptIsInTheTimelineAndPushedButTheAcceptStands() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        fake.fail("/actions/transfer", FakeTelnyx.Failure.error(422, "90018", "Call has already ended",
                "This call is no longer active and can't receive commands."));
        String leg = FakeTelnyx.newCallControlId();
        voiceRaw("call.initiated", incoming(leg, "+254711000204"));
        String callId = byLeg(leg).orElseThrow().getString("id");
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            socket.send("call:accept", Json.createObjectBuilder().add("callId", callId).build());
            socket.awaitCall("call:accepted", callId, WAIT);
            fake.awaitCommands(leg, 2, WAIT);
            assertEquals("sip:" + FakeTelnyx.DEFAULT_SIP_USER + "@sip.telnyx.com",
                    fake.receivedFor(leg).get(1).json().getString("to"), "no sipUsername: TELNYX_WEBRTC_USERNAME");
            socket.await("call:updated", d -> d instanceof JsonObject o && callId.equals(o.getString("id", null)), WAIT);
        }
        JsonObject call = get(callId, agent.token());
        assertEquals("active", call.getString("status"));
        assertEquals(agent.id(), call.getJsonObject("agent").getString("id"));
        assertTrue(types(call).contains("command_failed"), call.toString());
        assertTrue(call.getJsonArray("events").toString().contains("no longer active"), call.toString());
    }

    @Test
    void endingACallOnThePlatformHangsUpItsTelnyxLeg() throws Exception {
        Api.TestUser agent = api().createUser("agent");
        Api.Reply placed = api().post("api/voice/calls/outbound", "{\"to\":\"0711000112\"}", agent.token());
        assertEquals(201, placed.status(), placed.toString());
        String id = placed.json().getString("id");
        String leg = placed.json().getJsonObject("provider").getString("callControlId");
        assertEquals(200, voice("call.answered", leg, Json.createObjectBuilder()).status());

        Api.Reply ended = api().post("api/calls/" + id + "/end", null, agent.token());
        assertEquals(200, ended.status(), ended.toString());
        List<FakeTelnyx.Received> sent = fake.awaitCommands(leg, 1, Duration.ofSeconds(10));
        assertTrue(sent.get(0).path().endsWith("/actions/hangup"), sent.toString());
        // Until Telnyx reports the leg's end, a client may still hang it up (the platform's own hangup may fail).
        assertOk(api().post("api/voice/calls/" + leg + "/hangup", null, agent.token()));

        // Telnyx's call.hangup that follows is recorded and changes nothing.
        assertEquals(200, voice("call.hangup", leg, Json.createObjectBuilder().add("hangup_cause", "NORMAL_CLEARING")
                .add("hangup_source", "caller")).status());
        JsonObject call = get(id, agent.token());
        assertEquals("ended", call.getString("status"));
        assertEquals(ended.json().getString("hangupCause"), call.getString("hangupCause"));

        // What comes after Telnyx's hangup (its call.cost, a late call.answered) is recorded and sends nothing: the
        // leg is gone, and Telnyx would refuse a second hangup.
        voice("call.cost", leg, Json.createObjectBuilder().add("total_cost", "0.0125").add("currency", "USD"));
        voice("call.answered", leg, Json.createObjectBuilder());
        // Commands on the ended call are 409s that send nothing, the hangup included once Telnyx reported it.
        for (String command : List.of("dtmf", "hangup", "answer", "connect-webrtc")) {
            Api.Reply refused = api().post("api/voice/calls/" + leg + "/" + command,
                    "dtmf".equals(command) ? "{\"digits\":\"1\"}" : "{}", agent.token());
            assertEquals(409, refused.status(), command + " → " + refused);
            assertTrue(refused.isProblem(), refused.toString());
            assertTrue(refused.json().getString("type").endsWith("/call-already-ended"), refused.toString());
        }
        // The two hangups above are all Telnyx got, also a while later (the webhook path's commands are sent after
        // their commit, on another thread).
        Thread.sleep(1500);
        assertEquals(2, fake.receivedFor(leg).size(), fake.receivedFor(leg).toString());
        List<String> timeline = types(get(id, agent.token()));
        assertTrue(timeline.contains("provider.call.cost"), timeline.toString());
        assertFalse(timeline.contains("command_failed"), timeline.toString());
    }

    @Test
    void ringTimeoutMissesTheCallAndHangsUpItsLeg() throws Exception {
        String leg = FakeTelnyx.newCallControlId();
        voiceRaw("call.initiated", incoming(leg, "+254711000205"));
        int ring = Integer.getInteger("it.ring.timeout.seconds", 30);
        List<FakeTelnyx.Received> sent = fake.awaitCommands(leg, 1, Duration.ofSeconds(ring + 20));
        assertTrue(sent.get(0).path().endsWith("/actions/hangup"), sent.toString());
        assertFalse(sent.get(0).json().getString("command_id", "").isBlank());
        JsonObject call = byLeg(leg).orElseThrow();
        assertEquals("missed", call.getString("status"));
        assertEquals("ring_timeout", call.getString("hangupCause"));
    }

    @Test
    void webhookRecordsAreForgottenAfterAWeekAndNotBefore() throws SQLException {
        String aged = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        for (String id : List.of(aged, recent)) {
            JsonObject payload = Json.createObjectBuilder().add("call_control_id", "v3:untracked-" + id).build();
            assertEquals(200, api().send(FakeTelnyx.signedWebhook(api().base().resolve("webhooks/voice"),
                    FakeTelnyx.envelope(id, "call.bridged", payload))).status());
        }
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"),
                System.getProperty("it.db.user"), System.getProperty("it.db.password"))) {
            try (PreparedStatement age = db.prepareStatement("UPDATE telnyx_webhooks SET received_at = received_at"
                    + " - CASE WHEN event_id = ? THEN INTERVAL '8 days' ELSE INTERVAL '6 days' END WHERE event_id IN (?, ?)")) {
                age.setString(1, aged);
                age.setString(2, aged);
                age.setString(3, recent);
                assertEquals(2, age.executeUpdate(), "both webhooks were recorded");
            }
            Api.Reply purged = api().send(api().request("it-probe/purge-webhooks", null)
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, purged.status(), purged.toString());
            assertTrue(Integer.parseInt(purged.body().trim()) >= 1, purged.toString());
            List<String> kept = new ArrayList<>();
            try (PreparedStatement left = db.prepareStatement("SELECT event_id FROM telnyx_webhooks WHERE event_id IN (?, ?)")) {
                left.setString(1, aged);
                left.setString(2, recent);
                try (ResultSet rows = left.executeQuery()) {
                    while (rows.next()) {
                        kept.add(rows.getString(1));
                    }
                }
            }
            assertEquals(List.of(recent), kept, "the 8-day-old record is forgotten, the 6-day-old one kept");
        }
    }

    @Test
    void smsIsStoredPushedToAgentsListedAndDeduplicated() {
        Api.TestUser agent = api().createUser("agent");
        String text = "Hello from IT " + UUID.randomUUID();
        JsonObject payload = Json.createObjectBuilder().add("record_type", "message").add("direction", "inbound")
                .add("id", UUID.randomUUID().toString()).add("type", "SMS").add("text", text)
                .add("from", Json.createObjectBuilder().add("phone_number", "+18665550001").add("carrier", "T-MOBILE"))
                .add("to", Json.createArrayBuilder().add(Json.createObjectBuilder().add("phone_number", "+18445550001")))
                .add("received_at", "2026-11-23T17:02:11.120Z").build();
        String body = FakeTelnyx.envelope(UUID.randomUUID().toString(), "message.received", payload);
        var url = api().base().resolve("webhooks/sms");
        try (WsClient socket = WsClient.agent(base, agent.token())) {
            assertEquals(200, api().send(FakeTelnyx.signedWebhook(url, body)).status());
            JsonObject pushed = (JsonObject) socket.await("sms:received",
                    d -> d instanceof JsonObject o && text.equals(o.getString("text", null)), WAIT);
            assertEquals("+18665550001", pushed.getString("from"));
            assertEquals("+18445550001", pushed.getString("to"));
            assertEquals("2026-11-23T17:02:11.120Z", pushed.getString("receivedAt"));
            assertFalse(pushed.getString("id").isBlank());
        }
        assertEquals(200, api().send(FakeTelnyx.signedWebhook(url, body)).status());
        assertEquals(403, api().send(FakeTelnyx.webhook(url, body, null, null)).status());
        Api.Reply list = api().get("api/sms?limit=500", agent.token());
        assertEquals(200, list.status(), list.toString());
        assertEquals(1, list.json().getJsonArray("items").stream()
                .filter(i -> text.equals(i.asJsonObject().getString("text"))).count(), list.toString());
        assertTrue(list.json().containsKey("nextCursor"));
        assertEquals(403, api().get("api/sms", api().clientToken()).status());
    }

    @Test
    void aHangupCauseLongerThanItsColumnStillEndsTheCall() {
        Api.TestUser agent = api().createUser("agent");
        String leg = outbound(agent.token());
        String cause = "Carrier_Cause_" + "x".repeat(486);
        assertEquals(200, voice("call.hangup", leg, Json.createObjectBuilder().add("hangup_cause", cause)).status());
        JsonObject ended = byLegWithEvents(leg, agent.token());
        assertEquals("ended", ended.getString("status"), ended.toString());
        assertEquals(cause.toLowerCase(Locale.ROOT).substring(0, 64), ended.getString("hangupCause"));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private String outbound(String token) {
        Api.Reply reply = api().post("api/voice/calls/outbound", "{\"to\":\"0711000199\"}", token);
        assertEquals(201, reply.status(), reply.toString());
        String leg = reply.json().getJsonObject("provider").getString("callControlId");
        fake.reset();
        return leg;
    }

    private static JsonObject incoming(String leg, String from) {
        return Json.createObjectBuilder().add("call_control_id", leg).add("connection_id", FakeTelnyx.CONNECTION_ID)
                .add("call_leg_id", UUID.randomUUID().toString()).add("call_session_id", UUID.randomUUID().toString())
                .add("from", from).add("to", FakeTelnyx.PHONE_NUMBER).add("direction", "incoming")
                .add("state", "parked").add("start_time", Instant.now().toString()).build();
    }

    private Api.Reply voice(String type, String leg, JsonObjectBuilder payload) {
        Api.Reply reply = voiceRaw(type, payload.add("call_control_id", leg).build());
        assertEquals(200, reply.status(), reply.toString());
        return reply;
    }

    private Api.Reply voiceRaw(String type, JsonObject payload) {
        String body = FakeTelnyx.envelope(UUID.randomUUID().toString(), type, payload);
        return api().send(FakeTelnyx.signedWebhook(api().base().resolve("webhooks/voice"), body));
    }

    private JsonObject get(String callId, String token) {
        Api.Reply reply = api().get("api/calls/" + callId, token);
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private Optional<JsonObject> byLeg(String leg) {
        Api.Reply list = api().get("api/calls?channel=telnyx&limit=500", api().adminToken());
        assertEquals(200, list.status(), list.toString());
        return list.json().getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.get("provider") instanceof JsonObject p && leg.equals(p.getString("callControlId", null)))
                .findFirst();
    }

    private JsonObject byLegWithEvents(String leg, String token) {
        return get(byLeg(leg).orElseThrow().getString("id"), token);
    }

    private static List<String> types(JsonObject call) {
        return call.getJsonArray("events").stream().map(e -> e.asJsonObject().getString("type")).toList();
    }

    private static void assertOk(Api.Reply reply) {
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("ok", reply.json().getString("result"), reply.toString());
    }
}
