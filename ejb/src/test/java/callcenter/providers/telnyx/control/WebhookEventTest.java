package callcenter.providers.telnyx.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import callcenter.providers.telnyx.control.WebhookEvent.CallChange;

/** What each Telnyx voice event does to the call of its leg (api.md section 4). */
class WebhookEventTest {

    private static WebhookEvent event(String type, String payload) {
        String body = "{\"data\":{\"id\":\"ev-1\",\"event_type\":\"" + type + "\",\"payload\":" + payload + "}}";
        return WebhookEvent.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void answeredAndHangupChangeTheCallAndEverythingElseOnlyTheTimeline() {
        assertEquals(CallChange.ANSWERED, event("call.answered", "{}").callChange());
        assertEquals(CallChange.ENDED, event("call.hangup", "{}").callChange());
        for (String other : new String[] {"call.initiated", "call.bridged", "call.dtmf.received", "message.received"}) {
            assertEquals(CallChange.NONE, event(other, "{}").callChange(), other);
        }
    }

    @Test
    void onlyAnIncomingInitiatedStartsACall() {
        assertTrue(event("call.initiated", "{\"direction\":\"incoming\"}").startsInboundCall());
        assertFalse(event("call.initiated", "{\"direction\":\"outgoing\"}").startsInboundCall());
        assertFalse(event("call.answered", "{\"direction\":\"incoming\"}").startsInboundCall());
    }

    @Test
    void hangupCauseIsLowerCasedAndOnlyForHangups() {
        WebhookEvent hangup = event("call.hangup", "{\"hangup_cause\":\"USER_BUSY\",\"hangup_source\":\"callee\","
                + "\"sip_hangup_cause\":\"486\"}");
        assertEquals("user_busy", hangup.hangupCause());
        assertEquals("callee", hangup.hangupDetail().getString("hangupSource"));
        assertEquals("486", hangup.hangupDetail().getString("sipHangupCause"));
        assertNull(event("call.hangup", "{}").hangupCause());
        assertTrue(event("call.hangup", "{}").hangupDetail().isEmpty());
        assertNull(event("call.answered", "{\"hangup_cause\":\"normal_clearing\"}").hangupCause());
    }

    @Test
    void anOverlongCallControlIdIsNoLeg() {
        assertEquals("v3:leg", event("call.answered", "{\"call_control_id\":\"v3:leg\"}").callControlId());
        assertNull(event("call.answered", "{\"call_control_id\":\"" + "x".repeat(129) + "\"}").callControlId());
    }
}
