package callcenter.providers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ProviderCallsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProviderCalls calls = new ProviderCalls(registry);

    private long count(String outcome) {
        Timer timer = registry.find(ProviderCalls.METER).tags("provider", "telnyx", "operation", "dial",
                "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void answeredRequestCountsAsOkAndReturnsTheAnswer() {
        assertEquals("answer", calls.time("telnyx", "dial", () -> "answer"));
        assertEquals(1, count(ProviderCalls.OK));
        assertEquals(0, count(ProviderCalls.ERROR));
    }

    @Test
    void providerTimeoutCountsAsTimeoutAndIsRethrown() {
        ProviderException timeout = ProviderException.timeout("telnyx", "slow");
        assertSame(timeout, assertThrows(ProviderException.class,
                () -> calls.time("telnyx", "dial", () -> { throw timeout; })));
        assertEquals(1, count(ProviderCalls.TIMEOUT));
        assertEquals(0, count(ProviderCalls.OK));
    }

    @Test
    void providerErrorAndUnexpectedFailureCountAsError() {
        assertThrows(ProviderException.class,
                () -> calls.time("telnyx", "dial", () -> { throw ProviderException.error("telnyx", "refused"); }));
        assertThrows(IllegalStateException.class,
                () -> calls.time("telnyx", "dial", () -> { throw new IllegalStateException("bug"); }));
        assertEquals(2, count(ProviderCalls.ERROR));
        assertEquals(0, count(ProviderCalls.TIMEOUT));
    }
}
