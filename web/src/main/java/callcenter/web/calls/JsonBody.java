package callcenter.web.calls;

import java.io.StringReader;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import callcenter.common.CallCenterException;
import callcenter.common.JsonP;

/**
 * Parses a request body that must be one JSON object. Resources that also fingerprint the body (Idempotency-Key)
 * need the parsed JSON itself rather than a bound record, and reading it here lets snake_case aliases through.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw malformed("The request needs a JSON object body");
        }
        JsonStructure parsed;
        try (JsonReader reader = JsonP.createReader(new StringReader(body))) {
            parsed = reader.read();
        } catch (JsonException | IllegalStateException e) {
            throw malformed("The body is not valid JSON");
        }
        if (parsed instanceof JsonObject object) {
            return object;
        }
        throw malformed("The body must be a JSON object, not an array");
    }

    private static CallCenterException malformed(String detail) {
        return new CallCenterException(400, "malformed-body", "Malformed body", detail);
    }
}
