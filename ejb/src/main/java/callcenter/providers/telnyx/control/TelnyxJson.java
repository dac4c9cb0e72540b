package callcenter.providers.telnyx.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading Telnyx's JSON: values as text, and the words of its error bodies. */
final class TelnyxJson {

    private TelnyxJson() {
    }

    /** A value as text; null for a missing, null or blank one. */
    static String text(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.toString();
    }

    /** The {@code detail} (else {@code title}) and {@code code} of the first of {@code errors[{code,title,detail}]}. */
    static String errorWords(JsonObject body) {
        if (body.get("errors") instanceof JsonArray errors && !errors.isEmpty()
                && errors.get(0) instanceof JsonObject first) {
            String words = text(first.get("detail")) != null ? text(first.get("detail")) : text(first.get("title"));
            String code = text(first.get("code"));
            return words == null ? null : words + (code == null ? "" : " (code " + code + ")");
        }
        return null;
    }
}
