package callcenter.providers.telnyx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

/** Telnyx's wire format as this integration reads and writes it (providers.md section 2). */
class TelnyxWireTest {

    @Test
    void errorBodyBecomesTelnyxsDetail() {
        String body = "{\"errors\":[{\"code\":\"90018\",\"title\":\"Call has already ended\","
                + "\"detail\":\"This call is no longer active and can't receive commands.\"}]}";
        assertEquals("Telnyx answered 422: This call is no longer active and can't receive commands. (code 90018)",
                TelnyxClient.ERRORS.message(422, body));
        assertEquals("Telnyx answered 401: Authentication failed (code 10009)",
                TelnyxClient.ERRORS.message(401, "{\"errors\":[{\"code\":\"10009\",\"title\":\"Authentication failed\"}]}"));
        assertEquals("Telnyx answered 500: upstream broke", TelnyxClient.ERRORS.message(500, "upstream broke"));
        assertEquals("Telnyx answered 503", TelnyxClient.ERRORS.message(503, ""));
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
    void transfersGoToTheSipAddressOfTheWebrtcUser() {
        assertEquals("sip:gencredAbc@sip.telnyx.com", TelnyxClient.sipUri("gencredAbc"));
    }

    @Test
    void clientStateCarriesTheCallId() {
        UUID call = UUID.randomUUID();
        assertEquals(call, ClientState.callIdOf(ClientState.of(call)));
        assertNull(ClientState.callIdOf("aGF2ZSBhIG5pY2UgZGF5ID1d"));
        assertNull(ClientState.callIdOf("%%%"));
        assertNull(ClientState.callIdOf(null));
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
}
