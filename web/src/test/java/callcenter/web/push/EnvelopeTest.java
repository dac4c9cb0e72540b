package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopeTest {

    @Test
    void parsesEventAndData() {
        UUID id = UUID.randomUUID();
        Envelope envelope = Envelope.parse("{\"event\":\"call:accept\",\"data\":{\"callId\":\"" + id + "\"}}");
        assertEquals("call:accept", envelope.event());
        assertEquals(id, envelope.callId());
    }

    @Test
    void missingDataIsAnEmptyObject() {
        Envelope envelope = Envelope.parse("{\"event\":\"agent:register\"}");
        assertEquals(null, envelope.optionalString("extension"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "[1,2]", "42", "\"text\"", "{\"data\":{}}", "{\"event\":7}",
            "{\"event\":\"\"}", "{\"event\":\"x\",\"data\":[1]}", "{\"event\":\"x\",\"data\":\"s\"}", "{\"event\":\"x\""})
    void malformedFramesAreBadFrames(String text) {
        assertThrows(Envelope.BadFrame.class, () -> Envelope.parse(text));
    }

    @Test
    void badFieldsAreBadFrames() {
        Envelope envelope = Envelope.parse("{\"event\":\"call:accept\",\"data\":{\"callId\":\"nope\",\"n\":1}}");
        assertThrows(Envelope.BadFrame.class, envelope::callId);
        assertThrows(Envelope.BadFrame.class, () -> envelope.optionalString("n"));
        assertThrows(Envelope.BadFrame.class, () -> envelope.string("missing"));
    }

    @Test
    void aBooleanFieldIsTrueOrFalseAndNothingElse() {
        Envelope envelope = Envelope.parse("{\"event\":\"agent:ready\",\"data\":{\"a\":true,\"b\":false,"
                + "\"c\":\"true\",\"d\":1,\"e\":null}}");
        assertEquals(true, envelope.bool("a"));
        assertEquals(false, envelope.bool("b"));
        for (String field : new String[] {"c", "d", "e", "missing"}) {
            assertThrows(Envelope.BadFrame.class, () -> envelope.bool(field));
        }
    }

    @Test
    void oversizedFrameIsRefused() {
        String big = "{\"event\":\"x\",\"data\":{\"s\":\"" + "a".repeat(Envelope.MAX_FRAME_CHARS) + "\"}}";
        assertThrows(Envelope.BadFrame.class, () -> Envelope.parse(big));
    }

    @Test
    void nestingDeeperThanTheParserTakesIsABadFrameNotAFailure() {
        String deep = "{\"event\":\"x\",\"data\":{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}}";
        assertThrows(Envelope.BadFrame.class, () -> Envelope.parse(deep));
    }
}
