package callcenter.calls.boundary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;

import callcenter.calls.entity.CallAgent;
import callcenter.calls.entity.CallLog;
import callcenter.common.JsonP;

/**
 * A call as the API and the pushes show it, written by JSON-B. The members api.md lists are written even when null;
 * {@code disposition} and {@code note} appear once the call was wrapped up.
 *
 * @param note    the wrap-up's note: absent (null) before the wrap-up, JSON null in a wrap-up without one, which a
 *                String could not tell apart
 * @param queuePosition        while waiting: 1 = next in its queue; null otherwise or where not computed
 * @param estimatedWaitSeconds while waiting: the estimated wait from now; null when unknown
 * @param version the call's change counter, for ordering pushes; not part of the JSON
 */
@JsonbNillable
@JsonbPropertyOrder({"id", "direction", "channel", "status", "callerName", "phoneNumber", "ivrOption", "queueName",
        "queue", "priority", "queuePosition", "estimatedWaitSeconds", "agent", "createdAt", "answeredAt", "endedAt",
        "durationSeconds", "hangupCause", "provider", "disposition", "note"})
public record CallView(UUID id, String direction, String channel, String status, String callerName,
                       String phoneNumber, String ivrOption, String queueName, Agent agent, String createdAt,
                       String answeredAt, String endedAt, Integer durationSeconds, String hangupCause,
                       Provider provider, @JsonbNillable(false) String disposition,
                       @JsonbNillable(false) JsonValue note, String queue, int priority, Integer queuePosition,
                       Integer estimatedWaitSeconds, @JsonbTransient long version) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * The agent who has the call. Nillable here rather than on the member: for a member of a record type, Yasson
     * takes nillability from the type, and {@code "agent": null} must be written.
     */
    @JsonbNillable
    @JsonbPropertyOrder({"id", "displayName"})
    public record Agent(UUID id, String displayName) {
    }

    /** The carrier leg: a Telnyx call has a {@code callControlId}, an Africa's Talking call a {@code sessionId}. */
    @JsonbNillable
    @JsonbPropertyOrder({"name", "callControlId", "sessionId"})
    public record Provider(String name, @JsonbNillable(false) String callControlId,
                           @JsonbNillable(false) String sessionId) {
    }

    public static CallView of(CallLog call) {
        CallAgent agent = call.agent();
        return new CallView(call.id(), call.direction(), call.channel(), call.status().wireName(),
                call.callerName(), call.phoneNumber(), call.ivrOption(), call.queueName(),
                agent == null ? null : new Agent(agent.id(), agent.displayName()),
                iso(call.createdAt()), iso(call.answeredAt()), iso(call.endedAt()),
                call.durationSeconds(), call.hangupCause(),
                call.providerName() == null ? null
                        : new Provider(call.providerName(), call.providerCallControlId(), call.providerSessionId()),
                call.disposition(), note(call), call.queue(), call.priority(), null, null, call.version());
    }

    /** The same call with its place in its queue (api.md section 7), while it waits. */
    public CallView at(Integer position, Integer estimatedWaitSeconds) {
        return new CallView(id, direction, channel, status, callerName, phoneNumber, ivrOption, queueName, agent,
                createdAt, answeredAt, endedAt, durationSeconds, hangupCause, provider, disposition, note, queue,
                priority, position, estimatedWaitSeconds, version);
    }

    /** The same call after a change of this transaction that only counted its version up (see CallOffers). */
    CallView withVersion(long changed) {
        return new CallView(id, direction, channel, status, callerName, phoneNumber, ivrOption, queueName, agent,
                createdAt, answeredAt, endedAt, durationSeconds, hangupCause, provider, disposition, note, queue,
                priority, queuePosition, estimatedWaitSeconds, changed);
    }

    private static JsonValue note(CallLog call) {
        if (call.disposition() == null) {
            return null;
        }
        return call.note() == null ? JsonValue.NULL : JsonP.createValue(call.note());
    }

    /** ISO-8601 in UTC, always with milliseconds: {@code 2026-11-23T17:02:11.120Z}. */
    public static String iso(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}
