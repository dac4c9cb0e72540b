package callcenter.web.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;

class RequestRecordReaderTest {

    public record Sample(@NotBlank @Alias({"caller_name", "client_name"}) String callerName,
                  @NotBlank @PhoneNumber @Alias("phone_number") String phoneNumber,
                  @Size(max = 5) String note, Integer count, Boolean record) {
    }

    @OptionalBody
    public record Optional(String clientName) {
    }

    private final RequestRecordReader reader = new RequestRecordReader();

    private <T extends Record> T read(String json, Class<T> type) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private List<FieldError> errors(String json) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> read(json, Sample.class));
        assertEquals(400, e.status());
        return e.errors();
    }

    @Test
    void theOwnNameWinsOverAnAliasAndAliasesAreTriedInOrder() {
        Sample s = read("{\"client_name\":\"B\",\"caller_name\":\"A\",\"phone_number\":\"0711000111\"}", Sample.class);
        assertEquals("A", s.callerName());
        assertEquals("0711000111", s.phoneNumber());
        assertEquals("C", read("{\"callerName\":\"C\",\"caller_name\":\"A\",\"phoneNumber\":\"+254711000111\"}",
                Sample.class).callerName());
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        List<FieldError> errors = errors("{\"callerName\":\" \",\"phoneNumber\":\"abc\",\"note\":\"too long\","
                + "\"count\":1.5,\"record\":\"yes\"}");
        assertEquals(List.of("callerName", "count", "note", "phoneNumber", "record"),
                errors.stream().map(FieldError::field).toList());
        assertEquals("must be a whole number", errors.get(1).message());
        assertEquals("must be true or false", errors.get(4).message());
    }

    @Test
    void aFieldOfTheWrongTypeIsReportedOnceAndNotAlsoAsMissing() {
        List<FieldError> errors = errors("{\"callerName\":42,\"phoneNumber\":\"+254711000111\"}");
        assertEquals(List.of(new FieldError("callerName", "must be a string")), errors);
    }

    @Test
    void aHugeNumberIsRefusedWithoutBeingExpanded() {
        assertEquals("count", errors("{\"callerName\":\"A\",\"phoneNumber\":\"+254711000111\",\"count\":1e999999999}")
                .get(0).field());
    }

    @Test
    void malformedBodiesAreOneProblemBeforeAnyField() {
        for (String body : List.of("", "  ", "not json", "[1,2]", "\"text\"", "{\"callerName\":", "null")) {
            CallCenterException e = assertThrows(CallCenterException.class, () -> read(body, Sample.class), body);
            assertEquals("malformed-body", e.type(), body);
        }
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertEquals("malformed-body", assertThrows(CallCenterException.class,
                () -> reader.read(badUtf8, Sample.class)).type());
    }

    @Test
    void deepNestingIsMalformedNotAStackOverflow() {
        String deep = "{\"note\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertEquals("malformed-body", assertThrows(CallCenterException.class, () -> read(deep, Sample.class)).type());
    }

    @Test
    void anOptionalBodyMayBeEmpty() {
        assertNull(read("", Optional.class).clientName());
        assertEquals("x", read("{\"clientName\":\"x\"}", Optional.class).clientName());
    }

    @Test
    void nulAndUnpairedSurrogatesAreFieldErrorsAndFourByteCharactersAreFine() {
        for (String text : List.of("a\\u0000b", "\\ud800", "x\\udfffy", "\\udc00\\ud800")) {
            List<FieldError> errors = errors("{\"callerName\":\"" + text + "\",\"phoneNumber\":\"0711000111\"}");
            assertEquals(List.of(new FieldError("callerName", RequestRecordReader.UNSTORABLE)), errors, text);
        }
        assertEquals("\ud83d\ude00", read("{\"callerName\":\"\\ud83d\\ude00\",\"phoneNumber\":\"0711000111\"}",
                Sample.class).callerName());
    }
}
