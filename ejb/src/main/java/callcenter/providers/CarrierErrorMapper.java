package callcenter.providers;

import java.io.StringReader;
import java.util.function.Function;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import callcenter.common.JsonP;

/**
 * The one mapper of carrier error answers (status 400 or more): a 502 {@link ProviderException} carrying the
 * carrier's own words. Each carrier's client registers an instance that says where its JSON error bodies keep their
 * words; a body that is not JSON is taken as the words themselves.
 */
public final class CarrierErrorMapper implements ResponseExceptionMapper<ProviderException> {

    static final int MAX_MESSAGE = 500;

    private final String provider;
    private final String carrier;
    private final Function<JsonObject, String> wordsOfJson;

    /**
     * @param carrier     the carrier's name as people read it ("Telnyx", "Africa's Talking")
     * @param wordsOfJson the message of a JSON error body; null when it has none
     */
    public CarrierErrorMapper(String provider, String carrier, Function<JsonObject, String> wordsOfJson) {
        this.provider = provider;
        this.carrier = carrier;
        this.wordsOfJson = wordsOfJson;
    }

    /** The provider's name in the API and the meters ({@code telnyx}). */
    public String provider() {
        return provider;
    }

    /** The carrier's name as people read it ({@code Telnyx}). */
    public String carrier() {
        return carrier;
    }

    @Override
    public ProviderException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return ProviderException.error(provider, message(response.getStatus(), body));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    /** "{carrier} answered {status}: {words}", the words cut to a readable length. */
    public String message(int status, String body) {
        String text = body == null ? "" : body.trim();
        if (text.startsWith("{")) {
            try (JsonReader reader = JsonP.createReader(new StringReader(text))) {
                String words = wordsOfJson.apply(reader.readObject());
                if (words != null) {
                    text = words;
                }
            } catch (RuntimeException notJson) {
                // keep the raw text
            }
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "...";
        }
        return carrier + " answered " + status + (text.isEmpty() ? "" : ": " + text);
    }
}
