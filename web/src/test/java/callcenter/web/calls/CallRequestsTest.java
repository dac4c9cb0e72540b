package callcenter.web.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import callcenter.calls.boundary.InitiateCall;
import callcenter.calls.boundary.Wrapup;
import callcenter.common.CallCenterException;
import callcenter.common.FieldError;
import callcenter.web.json.RequestRecordReader;

/** The call endpoints' bodies as the one request reader binds them. */
class CallRequestsTest {

    private final RequestRecordReader reader = new RequestRecordReader();

    private <T extends Record> T read(String json, Class<T> type) {
        return reader.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private List<String> refused(String json, Class<? extends Record> type) {
        CallCenterException e = assertThrows(CallCenterException.class, () -> read(json, type), json);
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anInitiateIsReadUnderItsOwnNames() {
        assertEquals(new InitiateCall("Ann", "0711000111", "2", "billing", null), read("{\"callerName\":\"Ann\","
                + "\"phoneNumber\":\"0711000111\",\"ivrOption\":\"2\",\"queueName\":\"billing\"}",
                InitiateCallRequest.class).command());
    }

    @Test
    void anInitiateIsReadUnderTheSeedsNamesToo() {
        String snake = "\"phone_number\":\"+254711000111\",\"ivr_option\":\"1\",\"queue_name\":\"sales\"";
        InitiateCall expected = new InitiateCall("Bob", "+254711000111", "1", "sales", null);
        for (String name : List.of("caller_name", "client_name", "clientName")) {
            assertEquals(expected, read("{\"" + name + "\":\"Bob\"," + snake + "}", InitiateCallRequest.class).command(),
                    name);
        }
        assertEquals("Own", read("{\"client_name\":\"Alias\",\"callerName\":\"Own\",\"phoneNumber\":\"0711000111\"}",
                InitiateCallRequest.class).callerName(), "the own name wins");
    }

    @Test
    void everyBadFieldOfAnInitiateIsNamedInOneAnswer() {
        assertEquals(List.of("callerName", "ivrOption", "phoneNumber", "queueName"), refused("{\"callerName\":\"\","
                + "\"phoneNumber\":\"garbage\",\"ivrOption\":\"" + "i".repeat(101) + "\",\"queueName\":7}",
                InitiateCallRequest.class));
        assertEquals(List.of("callerName", "phoneNumber"), refused("{}", InitiateCallRequest.class));
        assertEquals(List.of("callerName"), refused("{\"caller_name\":42,\"phone_number\":\"0711000111\"}",
                InitiateCallRequest.class));
        assertEquals(List.of("callerName"), refused("{\"callerName\":\"" + "n".repeat(201)
                + "\",\"phoneNumber\":\"0711000111\"}", InitiateCallRequest.class));
    }

    @Test
    void aWrapUpNeedsADispositionAndAShortNote() {
        assertEquals(new Wrapup("resolved", null), read("{\"disposition\":\"resolved\"}", WrapupRequest.class).command());
        assertEquals(List.of("disposition"), refused("{\"note\":\"no disposition\"}", WrapupRequest.class));
        assertEquals(List.of("disposition", "note"), refused("{\"disposition\":\"" + "x".repeat(65) + "\",\"note\":\""
                + "n".repeat(2001) + "\"}", WrapupRequest.class));
    }
}
