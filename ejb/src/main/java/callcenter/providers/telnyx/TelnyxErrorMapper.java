package callcenter.providers.telnyx;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import callcenter.providers.ProviderException;

/**
 * Turns an error answer of Telnyx (status 400 or more) into a 502 carrying Telnyx's own words: the {@code detail}
 * (else {@code title}) and {@code code} of the first of {@code errors[{code,title,detail}]}, or the raw text.
 */
public class TelnyxErrorMapper implements ResponseExceptionMapper<ProviderException> {

    static final int MAX_MESSAGE = 500;

    @Override
    public ProviderException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return ProviderException.error(TelnyxClient.PROVIDER, message(response.getStatus(), body));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    static String message(int status, String body) {
        String text = body == null ? "" : body.trim();
        if (text.startsWith("{")) {
            try (JsonReader reader = Json.createReader(new StringReader(text))) {
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
