package callcenter.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;

import org.junit.jupiter.api.Test;

import callcenter.common.CallCenterException;

class ErrorFrameTest {

    @Test
    void theFrameIsTheContractsErrorEvent() {
        UUID id = UUID.fromString("7c3c0d5e-1111-4222-8333-444455556666");
        assertEquals("{\"event\":\"error\",\"data\":{\"code\":\"call_not_active\",\"message\":\"no agent yet\","
                + "\"callId\":\"7c3c0d5e-1111-4222-8333-444455556666\"}}",
                new ErrorFrame("call_not_active", "no agent yet", id).frame());
    }

    @Test
    void withoutACallTheCallIdIsLeftOutAndWithoutAMessageTheCodeIsTheMessage() {
        assertEquals("{\"event\":\"error\",\"data\":{\"code\":\"unknown_event\",\"message\":\"unknown_event\"}}",
                new ErrorFrame("unknown_event", null, null).frame());
    }

    @Test
    void businessFailuresMapToTheContractsCodes() {
        assertEquals("bad_request", ErrorFrame.code(CallCenterException.invalid("status", "must be available or away")));
        assertEquals("forbidden", ErrorFrame.code(CallCenterException.forbidden("not yours")));
        assertEquals("forbidden", ErrorFrame.code(CallCenterException.unauthorized("expired")));
        assertEquals("not_found", ErrorFrame.code(CallCenterException.notFound("no call")));
        assertEquals("call_already_taken",
                ErrorFrame.code(CallCenterException.conflict("call-already-taken", "Call already taken", "taken")));
        assertEquals("call_not_active", ErrorFrame.code(CallCenterException.conflict("call-ended", "Ended", "ended")));
        assertEquals("rate_limited", ErrorFrame.code(CallCenterException.tooManyRequests("slow down", 5)));
        assertEquals("unavailable", ErrorFrame.code(CallCenterException.unavailable("broker down")));
    }

    @Test
    void aFailureWrappedByTheContainerIsStillTheBusinessFailure() {
        UUID id = UUID.randomUUID();
        RuntimeException wrapped = new EJBException(new RuntimeException(CallCenterException.notFound("No call " + id)));
        assertEquals(Optional.of(new ErrorFrame("not_found", "No call " + id, id)), ErrorFrame.of(wrapped, id));
    }

    @Test
    void anEventThatGotNoDatabaseConnectionIsUnavailableNotInternal() {
        UUID id = UUID.randomUUID();
        RuntimeException noConnection = new EJBException(new PersistenceException("Unable to acquire JDBC Connection",
                new SQLException("IJ031041: Unable to get managed connection",
                        new ResourceException("IJ000655: No managed connections available within configured blocking timeout"))));
        ErrorFrame frame = ErrorFrame.of(noConnection, id).orElseThrow();
        assertEquals("unavailable", frame.code());
        assertEquals(id, frame.callId());
        assertTrue(frame.message().contains("database") && !frame.message().contains("IJ0"), frame.message());
    }

    @Test
    void anythingElseIsNotToldToTheClient() {
        assertEquals(Optional.empty(), ErrorFrame.of(new IllegalStateException("secret detail"), null));
        assertEquals("{\"event\":\"error\",\"data\":{\"code\":\"internal\",\"message\":\"Something went wrong on our side\"}}",
                ErrorFrame.internal(null).frame());
    }
}
