package callcenter.calls.boundary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.annotation.JsonbTypeSerializer;

import callcenter.calls.entity.CallAgent;
import callcenter.calls.entity.CallLog;
import callcenter.common.JsonP;

/**
 * A call as the API shows it. Members the contract always lists are written even when null; {@code disposition}
 * and {@code note} appear once the call was wrapped up, {@code callerToken} only in the answer to initiate and
 * {@code events} only for a single call. {@link #toJson()} writes that shape (JSON-B uses it through
 * {@link CallViewSerializer}, the push code can use it directly).
 *
 * @param version the call's change counter, for ordering pushes; not part of the JSON
 */
@JsonbTypeSerializer(CallViewSerializer.class)
public record CallView(UUID id, String direction, String channel, String status,
                       String callerName, String phoneNumber, String ivrOption, String queueName, Agent agent,
                       String createdAt, String answeredAt, String endedAt, Integer durationSeconds,
                       String hangupCause, Provider provider, String disposition, String note,
                       String callerToken, List<Event> events, long version) {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The agent who has the call. */
    public record Agent(UUID id, String displayName) {
    }

    /** The carrier leg: a Telnyx call has a {@code callControlId}, an Africa's Talking call a {@code sessionId}. */
    public record Provider(String name, String callControlId, String sessionId) {
    }

    /** One timeline entry. */
    public record Event(String type, String at, JsonObject data) {
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
                call.disposition(), call.note(), null, null, call.version());
    }

    public CallView withCallerToken(String token) {
        return new CallView(id, direction, channel, status, callerName, phoneNumber, ivrOption, queueName, agent,
                createdAt, answeredAt, endedAt, durationSeconds, hangupCause, provider, disposition, note, token,
                events, version);
    }

    public CallView withEvents(List<Event> timeline) {
        return new CallView(id, direction, channel, status, callerName, phoneNumber, ivrOption, queueName, agent,
                createdAt, answeredAt, endedAt, durationSeconds, hangupCause, provider, disposition, note,
                callerToken, List.copyOf(timeline), version);
    }

    /** The call's JSON as the API and the pushes show it. */
    public JsonObject toJson() {
        JsonObjectBuilder json = JsonP.createObjectBuilder().add("id", id.toString()).add("direction", direction)
                .add("channel", channel).add("status", status);
        nullable(json, "callerName", callerName);
        nullable(json, "phoneNumber", phoneNumber);
        nullable(json, "ivrOption", ivrOption);
        nullable(json, "queueName", queueName);
        if (agent == null) {
            json.addNull("agent");
        } else {
            JsonObjectBuilder a = JsonP.createObjectBuilder().add("id", agent.id().toString());
            nullable(a, "displayName", agent.displayName());
            json.add("agent", a);
        }
        json.add("createdAt", createdAt);
        nullable(json, "answeredAt", answeredAt);
        nullable(json, "endedAt", endedAt);
        if (durationSeconds == null) {
            json.addNull("durationSeconds");
        } else {
            json.add("durationSeconds", durationSeconds);
        }
        nullable(json, "hangupCause", hangupCause);
        if (provider == null) {
            json.addNull("provider");
        } else {
            JsonObjectBuilder p = JsonP.createObjectBuilder().add("name", provider.name());
            if (provider.callControlId() != null) {
                p.add("callControlId", provider.callControlId());
            }
            if (provider.sessionId() != null) {
                p.add("sessionId", provider.sessionId());
            }
            json.add("provider", p);
        }
        if (disposition != null) {
            json.add("disposition", disposition);
            nullable(json, "note", note);
        }
        if (callerToken != null) {
            json.add("callerToken", callerToken);
        }
        if (events != null) {
            JsonArrayBuilder list = JsonP.createArrayBuilder();
            events.forEach(e -> list.add(JsonP.createObjectBuilder().add("type", e.type()).add("at", e.at())
                    .add("data", e.data())));
            json.add("events", list);
        }
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }

    /** ISO-8601 in UTC, always with milliseconds: {@code 2026-11-23T17:02:11.120Z}. */
    public static String iso(Instant instant) {
        return instant == null ? null : ISO_MILLIS.format(instant);
    }
}
