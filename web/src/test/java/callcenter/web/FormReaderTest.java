package callcenter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import callcenter.common.CallCenterException;

class FormReaderTest {

    private static MultivaluedMap<String, String> parse(String body) {
        return FormReader.parse(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    @Test
    void readsEscapesPlusesRepeatsAndEmptyValues() {
        MultivaluedMap<String, String> form = parse("a=1+2&b=%C3%A9%F0%9F%98%80&a=x%26y&c&=v&&d=");
        assertEquals(List.of("1 2", "x&y"), form.get("a"));
        assertEquals("\u00e9\ud83d\ude00", form.getFirst("b"));
        assertEquals("", form.getFirst("c"));
        assertEquals("v", form.getFirst(""));
        assertEquals("", form.getFirst("d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%zz", "a=%", "a=%4", "%=1", "a=%ff", "a=%C0%AF", "a=%ED%A0%80", "a=\u00ff"})
    void brokenEscapesAndBytesThatAreNotUtf8Are400(String body) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> parse(body));
        assertEquals(400, e.status());
    }

    @Test
    void nulIsAFieldError() {
        CallCenterException e = assertThrows(CallCenterException.class, () -> parse("sessionId=a%00b"));
        assertEquals(400, e.status());
        assertEquals("sessionId", e.errors().get(0).field());
    }

    @Test
    void anotherCharsetIsReadAsSuch() {
        assertEquals("\u00e9", FormReader.parse("a=%E9".getBytes(StandardCharsets.US_ASCII), StandardCharsets.ISO_8859_1)
                .getFirst("a"));
    }
}
