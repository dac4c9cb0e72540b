package callcenter.idempotency.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class IdempotencyKeysTest {

    @Test
    void absentKeyMeansNoIdempotency() {
        assertNull(IdempotencyKeys.check(null));
    }

    @Test
    void keysAreTrimmed() {
        assertEquals("order-42", IdempotencyKeys.check("  order-42 "));
        assertEquals("k".repeat(255), IdempotencyKeys.check("k".repeat(255)));
    }

    @Test
    void malformedKeysAreFieldErrors() {
        for (String bad : new String[]{"", "   ", "k".repeat(256), "with space", "ünïcode"}) {
            CallCenterException e = assertThrows(CallCenterException.class, () -> IdempotencyKeys.check(bad), bad);
            assertEquals(400, e.status());
            assertEquals("Idempotency-Key", e.errors().get(0).field());
        }
    }
}
