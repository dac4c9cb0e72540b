package callcenter.calls.control;

import java.time.Instant;
import java.util.UUID;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;

/** Calls in a given state for unit tests (a stored call changes only through UPDATEs, which tests do not run). */
final class CallLogs {

    static final Instant CREATED = Instant.parse("2026-11-23T17:02:11Z");

    private CallLogs() {
    }

    static CallLog inbound(CallStatus status, UUID agentId) {
        return CallLog.carrierCall(UUID.randomUUID(), CallLog.INBOUND, CallLog.CHANNEL_APP, status, "Ann",
                "+254711000111", agentId, null, null, null, CREATED);
    }

    static CallLog startedBy(UUID clientId, CallStatus status) {
        return CallLog.carrierCall(UUID.randomUUID(), CallLog.OUTBOUND, CallLog.CHANNEL_TELNYX, status, null,
                "+254711000111", null, clientId, "telnyx", null, CREATED);
    }
}
