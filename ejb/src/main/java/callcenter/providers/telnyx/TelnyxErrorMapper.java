package callcenter.providers.telnyx;

import java.io.StringReader;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import callcenter.common.JsonP;
import callcenter.providers.CarrierErrorMapper;

/**
 * Turns an error answer of Telnyx (status 400 or more) into a 502 carrying Telnyx's own words: the {@code detail}
 * (else {@code title}) and {@code code} of the first of {@code errors[{code,title,detail}]}, or the raw text.
 */
public class TelnyxErrorMapper extends CarrierErrorMapper {

    static final int MAX_MESSAGE = 500;

    @Override
    protected String provider() {
        return TelnyxClient.PROVIDER;
    }

    @Override
    protected String describe(int status, String body) {
        return message(status, body);
    }

    static String message(int status, String body) {
        String text = body == null ? "" : body.trim();
        if (text.startsWith("{")) {
            try (JsonReader reader = JsonP.createReader(new StringReader(text))) {
                JsonObject json = reader.readObject();
                if (json.get("errors") instanceof JsonArray errors && !errors.isEmpty()
                        && errors.get(0) instanceof JsonObject first) {
                    String detail = string(first.get("detail"));
                    String title = string(first.get("title"));
                    String code = string(first.get("code"));
                    String words = detail != null ? detail : title;
                    if (words != null) {
                        text = words + (code == null ? "" : " (code " + code + ")");
                    }
                }
            } catch (RuntimeException notJson) {
                // keep the raw text
            }
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "...";
        }
        return "Telnyx answered " + status + (text.isEmpty() ? "" : ": " + text);
    }

    static String string(JsonValue value) {
        if (value instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return value.toString();
    }
}
