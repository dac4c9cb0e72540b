package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InboundTest {

    @Test
    void partsAreJoinedUntilTheLast() {
        Inbound inbound = new Inbound(10);
        assertEquals("whole", inbound.add("whole", true));
        assertNull(inbound.add("ab", false));
        assertNull(inbound.add("cd", false));
        assertEquals("abcde", inbound.add("e", true));
        assertEquals("0123456789", inbound.add("0123456789", true), "the limit counts per message");
        assertFalse(inbound.tooBig());
    }

    @Test
    void aMessagePastTheLimitIsDroppedAsItsPartsArriveAndNothingMoreIsTaken() {
        Inbound inbound = new Inbound(10);
        assertNull(inbound.add("0123456", false));
        assertNull(inbound.add("7890", false), "never waits for the last part");
        assertTrue(inbound.tooBig());
        assertNull(inbound.add("x", true));
    }

    @Test
    void theLimitIsInUtf8Bytes() {
        assertEquals(1 + 2 + 3 + 4, Inbound.utf8Length("a\u00e9\u20ac\ud83d\ude00"));
        Inbound inbound = new Inbound(6);
        assertNull(inbound.add("\u20ac\u20ac\u20ac", true), "9 bytes in 3 characters");
        assertTrue(inbound.tooBig());
    }

    @Test
    void aBinaryMessageIsCountedNotKeptAndAnsweredOnlyAfterItsLastPart() {
        Inbound inbound = new Inbound(10);
        assertFalse(inbound.binary(6, false));
        assertTrue(inbound.binary(4, true), "10 bytes: within the limit");
        assertTrue(inbound.binary(10, true), "the count starts again with the next message");
        assertEquals("next", inbound.add("next", true), "text after it is taken as before");
        assertFalse(inbound.tooBig());
    }

    @Test
    void aBinaryMessagePastTheLimitIsTooBigBeforeItsLastPart() {
        Inbound inbound = new Inbound(10);
        assertFalse(inbound.binary(8, false));
        assertFalse(inbound.binary(8, false));
        assertTrue(inbound.tooBig());
        assertFalse(inbound.binary(1, true), "nothing more is answered");
        assertNull(inbound.add("x", true));
    }
}
