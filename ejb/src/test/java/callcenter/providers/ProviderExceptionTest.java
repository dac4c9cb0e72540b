package callcenter.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

/** How a failed exchange with a carrier reaches the API: 504 for a timeout anywhere in the chain, else 502. */
class ProviderExceptionTest {

    @Test
    void aTimeoutAnywhereInTheCauseChainIs504() {
        ProviderException timeout = ProviderException.ofFailure("telnyx", "Telnyx",
                new RuntimeException(new IllegalStateException(new SocketTimeoutException("Read timed out"))), "dial",
                3, "KEY123");
        assertEquals(504, timeout.status());
        assertEquals("Telnyx did not answer the dial request within 3 s", timeout.detail());
        assertEquals("provider_timeout", timeout.hangupCause());
    }

    @Test
    void anyOtherFailureIs502NamingTheRootCauseWithoutTheKey() {
        ProviderException refused = ProviderException.ofFailure("africastalking", "Africa's Talking",
                new IllegalStateException(new ConnectException("refused with secret-key")), "voice call", 10,
                "secret-key");
        assertEquals(502, refused.status());
        assertTrue(refused.detail().contains("ConnectException"), refused.detail());
        assertFalse(refused.detail().contains("secret-key"), refused.detail());
        assertEquals("provider_error", refused.hangupCause());
    }

    @Test
    void aCarrierErrorInsideTheChainIsKeptAsItIs() {
        ProviderException answered = ProviderException.error("telnyx", "Telnyx answered 422: no");
        assertSame(answered, ProviderException.ofFailure("telnyx", "Telnyx", new RuntimeException(answered), "dial", 3,
                "KEY123"));
    }

    @Test
    void errorAnswersKeepTheCarriersWordsCutToAReadableLength() {
        CarrierErrorMapper errors = new CarrierErrorMapper("x", "Carrier X", json -> json.getString("say", null));
        assertEquals("Carrier X answered 400: no such number", errors.message(400, "{\"say\":\"no such number\"}"));
        assertEquals("Carrier X answered 400: {\"other\":1}", errors.message(400, "{\"other\":1}"));
        assertEquals("Carrier X answered 500: plain words", errors.message(500, " plain words "));
        assertEquals("Carrier X answered 503", errors.message(503, null));
        assertEquals("Carrier X answered 500: " + "x".repeat(CarrierErrorMapper.MAX_MESSAGE) + "...",
                errors.message(500, "x".repeat(2000)));
    }
}
