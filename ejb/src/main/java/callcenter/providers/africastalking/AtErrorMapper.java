package callcenter.providers.africastalking;

import java.io.StringReader;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import callcenter.common.JsonP;
import callcenter.providers.CarrierErrorMapper;

/**
 * Turns an error answer of AT (status 400 or more) into a 502 carrying AT's own words: the {@code errorMessage} of
 * a JSON body, or the text of a plain body such as {@code The supplied authentication is invalid}.
 */
public class AtErrorMapper extends CarrierErrorMapper {

    static final int MAX_MESSAGE = 500;

    @Override
    protected String provider() {
        return AtClient.PROVIDER;
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
                String error = CapabilityToken.string(json.get("errorMessage"));
                if (error == null) {
                    error = CapabilityToken.string(json.get("message"));
                }
                if (error != null) {
                    text = error;
                }
            } catch (RuntimeException notJson) {
                // keep the raw text
            }
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "...";
        }
        return "Africa's Talking answered " + status + (text.isEmpty() ? "" : ": " + text);
    }
}
