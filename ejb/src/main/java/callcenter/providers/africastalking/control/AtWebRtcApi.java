package callcenter.providers.africastalking.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** AT's WebRTC token service ({@code AT_WEBRTC_URL}): {@code POST /capability-token/request}, JSON. */
public interface AtWebRtcApi extends AutoCloseable {

    @POST
    @Path("capability-token/request")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject capabilityToken(@HeaderParam("apiKey") String apiKey, JsonObject request);
}
