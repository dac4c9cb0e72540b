package callcenter.web.telnyx;

import static callcenter.web.json.Bodies.errors;
import static callcenter.web.json.Bodies.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

import callcenter.common.FieldError;
import callcenter.providers.telnyx.boundary.OutboundCall;
import callcenter.providers.telnyx.boundary.WebRtcToken;

/** The bodies of the Telnyx endpoints as they are bound, and the JSON of their answers. */
class TelnyxRequestsTest {

    @Test
    void anOutboundCallNeedsAToNumberAndTakesABlankFromAsNone() {
        assertEquals(new OutboundCall("+254711000111", null),
                read("{\"to\":\" +254711000111 \",\"from\":\" \"}", OutboundRequest.class).command());
        assertEquals(List.of(new FieldError("to", "is required")), errors("{}", OutboundRequest.class));
        assertEquals(List.of(new FieldError("to", "must be a string")), errors("{\"to\":5}", OutboundRequest.class));
        assertEquals(List.of("from", "to"), errors("{\"to\":\"12\",\"from\":\"x\"}", OutboundRequest.class).stream()
                .map(FieldError::field).toList());
    }

    @Test
    void dtmfDigitsAreCheckedBeforeAnythingIsSent() {
        assertEquals("0123456789*#ABCDwW", read("{\"digits\":\"0123456789*#ABCDwW\"}", DtmfRequest.class).tones());
        assertEquals("12", read("{\"digits\":\" 12 \"}", DtmfRequest.class).tones());
        assertEquals("1".repeat(64), read("{\"digits\":\"" + "1".repeat(64) + "\"}", DtmfRequest.class).tones());
        for (String bad : List.of("{}", "{\"digits\":\"\"}", "{\"digits\":\"12x\"}", "{\"digits\":\"abc\"}",
                "{\"digits\":\"" + "1".repeat(65) + "\"}")) {
            assertEquals(List.of(new FieldError("digits", DtmfRequest.DIGITS)), errors(bad, DtmfRequest.class));
        }
        assertEquals("must be a string", errors("{\"digits\":5}", DtmfRequest.class).get(0).message());
    }

    @Test
    void connectWebrtcTakesAnOptionalSipUserThatCannotChangeTheUri() {
        assertNull(read("", ConnectWebrtcRequest.class).sipUser());
        assertNull(read("{\"sipUsername\":\" \"}", ConnectWebrtcRequest.class).sipUser());
        assertEquals("gencredAbc.1", read("{\"sipUsername\":\"gencredAbc.1\"}", ConnectWebrtcRequest.class).sipUser());
        assertEquals("sipUsername", errors("{\"sipUsername\":\"a@evil.com\"}", ConnectWebrtcRequest.class).get(0)
                .field());
    }

    @Test
    void theAnswersHaveTodaysShape() throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            assertEquals("{\"result\":\"ok\"}", jsonb.toJson(CommandResult.OK));
            assertEquals("{\"received\":true}", jsonb.toJson(Received.TRUE));
            assertEquals("{\"token\":\"eyJ\"}", jsonb.toJson(new WebRtcToken("eyJ")));
        }
    }
}
