package callcenter.providers.telnyx;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import callcenter.common.CallCenterException;
import callcenter.common.JsonP;

/**
 * One Telnyx webhook (providers.md 2.5): {@code {"data":{"id","event_type","occurred_at","payload":{...}},"meta"}}.
 * Only this class knows the envelope; the service reads what it needs through it.
 */
public record WebhookEvent(String id, String type, String occurredAt, JsonObject payload) {

    static final int MAX_ID = 128;

    /** Parses the raw body (already verified); a body that is not such an envelope is a 400. */
    static WebhookEvent parse(byte[] raw) {
        JsonObject root;
        try (JsonReader reader = JsonP.createReader(new ByteArrayInputStream(raw))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw CallCenterException.badRequest("The webhook body is not a JSON object");
        }
        if (!(root.get("data") instanceof JsonObject data)) {
            throw CallCenterException.invalid("data", "is required");
        }
        String id = TelnyxErrorMapper.string(data.get("id"));
        String type = TelnyxErrorMapper.string(data.get("event_type"));
        if (id == null || id.length() > MAX_ID) {
            throw CallCenterException.invalid("data.id", "is required (at most " + MAX_ID + " characters)");
        }
        if (type == null || type.length() > 64) {
            throw CallCenterException.invalid("data.event_type", "is required (at most 64 characters)");
        }
        JsonObject payload = data.get("payload") instanceof JsonObject p ? p : JsonValue.EMPTY_JSON_OBJECT;
        return new WebhookEvent(id, type, TelnyxErrorMapper.string(data.get("occurred_at")), payload);
    }

    public String field(String name) {
        return TelnyxErrorMapper.string(payload.get(name));
    }

    public String callControlId() {
        String id = field("call_control_id");
        return id == null || id.length() > 128 ? null : id;
    }

    public boolean incoming() {
        return "incoming".equalsIgnoreCase(field("direction"));
    }

    /** A nested {@code {"phone_number"}} (SMS {@code from}) or the first of a list of them (SMS {@code to}). */
    public String phoneNumber(String name) {
        JsonValue value = payload.get(name);
        if (value instanceof jakarta.json.JsonArray list && !list.isEmpty()) {
            value = list.get(0);
        }
        if (value instanceof JsonObject o) {
            return TelnyxErrorMapper.string(o.get("phone_number"));
        }
        return TelnyxErrorMapper.string(value);
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

    /** The timeline entry's data: what Telnyx sent, as it sent it. */
    JsonObject toTimeline() {
        var json = JsonP.createObjectBuilder().add("eventType", type).add("eventId", id);
        if (occurredAt != null) {
            json.add("occurredAt", occurredAt);
        }
        return json.add("payload", payload).build();
    }
}
