package callcenter.web.push;

import java.io.StringReader;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import callcenter.common.JsonP;

/** A client frame {@code {"event": "...", "data": ...}}, parsed strictly. */
record Envelope(String event, JsonObject data) {

    /** A frame or field that cannot be understood; answered with {@code error} {@code bad_request}. */
    static final class BadFrame extends RuntimeException {
        BadFrame(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_FRAME_CHARS = 64 * 1024;
    /** The largest text message the endpoint takes, in bytes; a larger one is closed with 1009. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    static Envelope parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadFrame("empty frame");
        }
        if (text.length() > MAX_FRAME_CHARS) {
            throw new BadFrame("frame larger than " + MAX_FRAME_CHARS + " characters");
        }
        JsonValue value;
        try (var reader = JsonP.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException for bad syntax; Parsson refuses nesting deeper than its limit with a plain RuntimeException.
            throw new BadFrame("not JSON");
        }
        if (!(value instanceof JsonObject frame)) {
            throw new BadFrame("a frame is a JSON object {\"event\", \"data\"}");
        }
        if (!(frame.get("event") instanceof JsonString event) || event.getString().isBlank()) {
            throw new BadFrame("\"event\" is required, a non-empty string");
        }
        JsonValue data = frame.get("data");
        if (data == null || data == JsonValue.NULL) {
            return new Envelope(event.getString(), JsonValue.EMPTY_JSON_OBJECT);
        }
        if (!(data instanceof JsonObject object)) {
            throw new BadFrame("\"data\" must be an object");
        }
        return new Envelope(event.getString(), object);
    }

    /** A required string field of {@code data}. */
    String string(String field) {
        if (!(data.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw new BadFrame("\"" + field + "\" is required");
        }
        return value.getString();
    }

    /** An optional string field of {@code data}: null when absent. */
    String optionalString(String field) {
        JsonValue value = data.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new BadFrame("\"" + field + "\" must be a string");
        }
        return s.getString();
    }

    /** A required boolean field of {@code data}. */
    boolean bool(String field) {
        JsonValue value = data.get(field);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw new BadFrame("\"" + field + "\" must be true or false");
    }

    UUID callId() {
        try {
            return UUID.fromString(string("callId"));
        } catch (IllegalArgumentException e) {
            throw new BadFrame("\"callId\" is not a call id");
        }
    }
}
