package callcenter.providers.africastalking;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import callcenter.providers.ProviderException;

/**
 * Turns an error answer of AT (status 400 or more) into a 502 carrying AT's own words: the {@code errorMessage} of
 * a JSON body, or the text of a plain body such as {@code The supplied authentication is invalid}.
 */
public class AtErrorMapper implements ResponseExceptionMapper<ProviderException> {

    static final int MAX_MESSAGE = 500;

    @Override
    public ProviderException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return ProviderException.error(AtClient.PROVIDER, message(response.getStatus(), body));
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
