package callcenter.providers.africastalking.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;

/**
 * AT's Voice API ({@code AT_VOICE_URL}): {@code POST /call}, form-encoded. The answer is read as plain JSON-P and
 * translated by {@link VoiceCallResult}, because AT's field types are loose.
 */
public interface AtVoiceApi extends AutoCloseable {

    @POST
    @Path("call")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject call(@HeaderParam("apiKey") String apiKey, Form form);
}
