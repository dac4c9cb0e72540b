package callcenter.providers.telnyx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;
import callcenter.providers.ProviderException;

/** Telnyx's wire format as this integration reads and writes it (providers.md section 2). */
class TelnyxWireTest {

    @Test
    void errorBodyBecomesTelnyxsDetail() {
        String body = "{\"errors\":[{\"code\":\"90018\",\"title\":\"Call has already ended\","
                + "\"detail\":\"This call is no longer active and can't receive commands.\"}]}";
        assertEquals("Telnyx answered 422: This call is no longer active and can't receive commands. (code 90018)",
                TelnyxErrorMapper.message(422, body));
        assertEquals("Telnyx answered 401: Authentication failed (code 10009)",
                TelnyxErrorMapper.message(401, "{\"errors\":[{\"code\":\"10009\",\"title\":\"Authentication failed\"}]}"));
        assertEquals("Telnyx answered 500: upstream broke", TelnyxErrorMapper.message(500, "upstream broke"));
        assertEquals("Telnyx answered 503", TelnyxErrorMapper.message(503, ""));
    }

    @Test
    void timeoutIs504AndOtherFailuresAre502WithoutTheKey() {
        ProviderException timeout = TelnyxClient.translate(new RuntimeException(new SocketTimeoutException("Read timed out")),
                "dial", 3, "KEY123");
        assertEquals(504, timeout.status());
        ProviderException other = TelnyxClient.translate(new IllegalStateException("bad header Bearer KEY123"),
                "dial", 3, "KEY123");
        assertEquals(502, other.status());
        assertFalse(other.detail().contains("KEY123"), other.detail());
    }

    @Test
    void sameIdempotencyKeyGivesTheSameCommandId() {
        String a = CommandIds.forRequest("v3:leg", "send_dtmf", "user:1", "key-1");
        assertEquals(a, CommandIds.forRequest("v3:leg", "send_dtmf", "user:1", "key-1"));
        assertNotEquals(a, CommandIds.forRequest("v3:leg", "send_dtmf", "user:1", "key-2"));
        assertNotEquals(a, CommandIds.forRequest("v3:leg", "hangup", "user:1", "key-1"));
        assertNotEquals(a, CommandIds.forRequest("v3:leg", "send_dtmf", "user:2", "key-1"));
        assertNotEquals(CommandIds.forRequest("v3:leg", "answer", "user:1", null),
                CommandIds.forRequest("v3:leg", "answer", "user:1", null));
        UUID call = UUID.randomUUID();
        assertEquals(CommandIds.forCall(call, "answer"), CommandIds.forCall(call, "answer"));
        assertNotEquals(CommandIds.forCall(call, "answer"), CommandIds.forCall(call, "transfer"));
    }

    @Test
    void dtmfDigitsAreValidatedBeforeSending() {
        assertEquals("0123456789*#ABCDwW", TelnyxRequests.digits(json("{\"digits\":\"0123456789*#ABCDwW\"}")));
        for (String bad : new String[] {"{}", "{\"digits\":\"\"}", "{\"digits\":\"12x\"}", "{\"digits\":5}",
                "{\"digits\":\"" + "1".repeat(65) + "\"}", "{\"digits\":\"abc\"}"}) {
            CallCenterException e = assertThrows(CallCenterException.class, () -> TelnyxRequests.digits(json(bad)), bad);
            assertEquals(400, e.status());
        }
        assertEquals("1".repeat(64), TelnyxRequests.digits(json("{\"digits\":\"" + "1".repeat(64) + "\"}")));
    }

    @Test
    void sipUsernameAndOutboundBodies() {
        assertNull(TelnyxRequests.sipUsername(json("{}")));
        assertEquals("gencredAbc.1", TelnyxRequests.sipUsername(json("{\"sipUsername\":\"gencredAbc.1\"}")));
        assertEquals(400, assertThrows(CallCenterException.class,
                () -> TelnyxRequests.sipUsername(json("{\"sipUsername\":\"a@evil.com\"}"))).status());
        assertEquals("sip:gencredAbc@sip.telnyx.com", TelnyxService.sipUri("gencredAbc"));
        assertEquals(400, assertThrows(CallCenterException.class, () -> TelnyxRequests.outbound(json("{}"))).status());
        assertEquals(new TelnyxRequests.Outbound("+254711000111", null),
                TelnyxRequests.outbound(json("{\"to\":\"+254711000111\"}")));
    }

    @Test
    void clientStateCarriesTheCallId() {
        UUID call = UUID.randomUUID();
        assertEquals(call, TelnyxService.callOfClientState(TelnyxService.clientState(call)));
        assertNull(TelnyxService.callOfClientState("aGF2ZSBhIG5pY2UgZGF5ID1d"));
        assertNull(TelnyxService.callOfClientState("%%%"));
    }

    @Test
    void webhookEnvelopeIsRead() {
        String body = "{\"data\":{\"record_type\":\"event\",\"id\":\"bf6307bd\",\"event_type\":\"message.received\","
                + "\"occurred_at\":\"2019-01-23T18:10:02.574Z\",\"payload\":{\"id\":\"7ee4\",\"text\":\"Hello\","
                + "\"from\":{\"phone_number\":\"+18665550001\"},\"to\":[{\"phone_number\":\"+18445550001\"}],"
                + "\"received_at\":\"2019-01-23T18:10:02.574Z\"}},\"meta\":{\"attempt\":1}}";
        WebhookEvent event = WebhookEvent.parse(body.getBytes(StandardCharsets.UTF_8));
        assertEquals("bf6307bd", event.id());
        assertEquals("message.received", event.type());
        assertEquals("+18665550001", event.phoneNumber("from"));
        assertEquals("+18445550001", event.phoneNumber("to"));
        assertEquals("2019-01-23T18:10:02.574Z", event.instant("received_at").toString());
        assertTrue(event.toTimeline().containsKey("payload"));
        assertEquals(400, assertThrows(CallCenterException.class,
                () -> WebhookEvent.parse("[1]".getBytes(StandardCharsets.UTF_8))).status());
        assertEquals(400, assertThrows(CallCenterException.class,
                () -> WebhookEvent.parse("{\"data\":{}}".getBytes(StandardCharsets.UTF_8))).status());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
