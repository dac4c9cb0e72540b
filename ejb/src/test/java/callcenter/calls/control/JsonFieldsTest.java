package callcenter.calls.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;
import callcenter.common.FieldError;
import callcenter.platform.PhoneNumbers;

class JsonFieldsTest {

    /** Bean validation is not what these tests are about: a validator that finds nothing. */
    private static final Validator NOTHING_TO_REPORT = (Validator) Proxy.newProxyInstance(
            JsonFieldsTest.class.getClassLoader(), new Class<?>[]{Validator.class}, (proxy, method, args) -> Set.of());

    private static JsonFields fields(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonObject body = reader.readObject();
            return JsonFields.of(body);
        }
    }

    private static List<String> refusedFields(JsonFields fields) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> fields.valid("request", NOTHING_TO_REPORT));
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aFailedCheckIsReportedWithTheOtherBadFields() {
        JsonFields fields = fields("{\"callerName\":42,\"phoneNumber\":\"garbage\"}");
        fields.string("callerName", "callerName");
        String phone = fields.string("phoneNumber", "phoneNumber");
        assertNull(fields.check("phoneNumber", () -> PhoneNumbers.normalize(phone, "KE", "phoneNumber")));
        assertEquals(List.of("callerName", "phoneNumber"), refusedFields(fields));
    }

    @Test
    void aFieldAlreadyRefusedIsNotCheckedAgain() {
        JsonFields fields = fields("{\"phoneNumber\":711000111}");
        fields.string("phoneNumber", "phoneNumber");
        assertNull(fields.check("phoneNumber", () -> {
            throw new AssertionError("checked a field that was already refused");
        }));
        assertEquals(List.of("phoneNumber"), refusedFields(fields));
    }

    @Test
    void aPassingCheckAnswersItsValue() {
        JsonFields fields = fields("{\"phoneNumber\":\"0711000111\"}");
        String phone = fields.string("phoneNumber", "phoneNumber");
        assertEquals("+254711000111", fields.check("phoneNumber", () -> PhoneNumbers.normalize(phone, "KE", "phoneNumber")));
        assertEquals("request", fields.valid("request", NOTHING_TO_REPORT));
    }

    @Test
    void aFailureThatIsNotAboutAFieldIsNotSwallowed() {
        JsonFields fields = fields("{}");
        CallCenterException forbidden = CallCenterException.forbidden("no");
        assertSame(forbidden, assertThrows(CallCenterException.class, () -> fields.check("phoneNumber", () -> {
            throw forbidden;
        })));
    }
}
