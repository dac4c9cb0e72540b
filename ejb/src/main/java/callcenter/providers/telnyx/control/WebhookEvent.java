package callcenter.providers.telnyx.control;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import callcenter.calls.entity.HangupCauses;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.common.Text;

/**
 * One Telnyx webhook (providers.md 2.5): {@code {"data":{"id","event_type","occurred_at","payload":{...}},"meta"}}.
 * Only this class knows the envelope and what each event means for a call; the webhooks read it through it.
 */
public record WebhookEvent(String id, String type, String occurredAt, JsonObject payload) {

    static final int MAX_ID = 128;
    /** The cause of a hangup that came without one. */
    public static final String UNSPECIFIED = "unspecified";

    /** Telnyx's event types are dotted lower-case names; 55 characters fit call_events.event_type after "provider.". */
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final int MAX_EVENT_TYPE = 55;

    /** What a voice event does to the call of its leg (every event also goes into the call's timeline). */
    public enum CallChange {
        /** {@code call.answered}: dialing or waiting → active; a final call stays as it is. */
        ANSWERED,
        /** {@code call.hangup}: waiting → missed, anything else not final → ended, with the cause. */
        ENDED,
        /** Everything else, late or repeated {@code call.initiated} included. */
        NONE
    }

    /** Parses the raw body (already verified); a body that is not such an envelope is a 400. */
    public static WebhookEvent parse(byte[] raw) {
        JsonObject root;
        try (JsonReader reader = JsonP.createReader(new ByteArrayInputStream(raw))) {
            root = reader.readObject();
        } catch (RuntimeException e) {
            // JsonException for bad syntax or bytes; Parsson refuses nesting deeper than its limit with a plain
            // RuntimeException.
            throw CallCenterException.badRequest("The webhook body is not a JSON object");
        }
        if (!(root.get("data") instanceof JsonObject data)) {
            throw CallCenterException.invalid("data", "is required");
        }
        String id = TelnyxJson.text(data.get("id"));
        String type = TelnyxJson.text(data.get("event_type"));
        if (id == null || id.length() > MAX_ID || !Text.storable(id)) {
            throw CallCenterException.invalid("data.id", "is required (at most " + MAX_ID + " characters)");
        }
        if (type == null || type.length() > 64 || !Text.storable(type)) {
            throw CallCenterException.invalid("data.event_type", "is required (at most 64 characters)");
        }
        JsonObject payload = data.get("payload") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        return new WebhookEvent(id, type, TelnyxJson.text(data.get("occurred_at")), payload);
    }

    /** A payload field as text; null when absent or not storable (NUL, unpaired surrogates). */
    public String field(String name) {
        String text = TelnyxJson.text(payload.get(name));
        return text == null || !Text.storable(text) ? null : text;
    }

    public String callControlId() {
        String id = field("call_control_id");
        return id == null || id.length() > 128 ? null : id;
    }

    public boolean incoming() {
        return "incoming".equalsIgnoreCase(field("direction"));
    }

    /** A call to one of our numbers that no call follows yet: it becomes a waiting call. */
    public boolean startsInboundCall() {
        return "call.initiated".equals(type) && incoming();
    }

    public CallChange callChange() {
        return switch (type) {
            case "call.answered" -> CallChange.ANSWERED;
            case "call.hangup" -> CallChange.ENDED;
            default -> CallChange.NONE;
        };
    }

    /** The hangup cause of a {@code call.hangup} in the platform's form (null when it has none, or for others). */
    public String hangupCause() {
        return "call.hangup".equals(type) ? HangupCauses.carrier(field("hangup_cause")) : null;
    }

    /** Who hung up and the SIP cause of a {@code call.hangup}, for the {@code ended} timeline entry. */
    public JsonObject hangupDetail() {
        var data = JsonP.createObjectBuilder();
        if (field("hangup_source") != null) {
            data.add("hangupSource", field("hangup_source"));
        }
        if (field("sip_hangup_cause") != null) {
            data.add("sipHangupCause", field("sip_hangup_cause"));
        }
        return data.build();
    }

    /** A nested {@code {"phone_number"}} (SMS {@code from}) or the first of a list of them (SMS {@code to}). */
    public String phoneNumber(String name) {
        JsonValue value = payload.get(name);
        if (value instanceof jakarta.json.JsonArray list && !list.isEmpty()) {
            value = list.get(0);
        }
        if (value instanceof JsonObject o) {
            return TelnyxJson.text(o.get("phone_number"));
        }
        return TelnyxJson.text(value);
    }

    /** An ISO-8601 time of the payload, else null. */
    public Instant instant(String name) {
        String text = field(name);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The timeline type of this event (api.md section 3): {@code provider.<event_type>}, e.g.
     * {@code provider.call.answered}; an event type that is not a plain dotted name, or too long for the column,
     * is kept as {@code provider.webhook} with the type in the entry's data.
     */
    public String timelineType() {
        boolean plain = type != null && type.length() <= MAX_EVENT_TYPE && EVENT_TYPE.matcher(type).matches();
        return plain ? "provider." + type : "provider.webhook";
    }

    /** The timeline entry's data: what Telnyx sent, as it sent it. */
    public JsonObject toTimeline() {
        var json = JsonP.createObjectBuilder().add("eventType", type).add("eventId", id);
        if (occurredAt != null) {
            json.add("occurredAt", occurredAt);
        }
        return json.add("payload", payload).build();
    }
}
