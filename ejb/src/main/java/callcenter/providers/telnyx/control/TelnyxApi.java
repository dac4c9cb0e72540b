package callcenter.providers.telnyx.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Telnyx Call Control v2 ({@code TELNYX_API_URL}, which includes {@code /v2}); providers.md 2.2 and 2.4. */
public interface TelnyxApi extends AutoCloseable {

    /** Dial: {@code POST /calls}. */
    @POST
    @Path("calls")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject dial(@HeaderParam("Authorization") String authorization, JsonObject body);

    /** A call command: {@code POST /calls/{call_control_id}/actions/{action}}. */
    @POST
    @Path("calls/{callControlId}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject action(@HeaderParam("Authorization") String authorization,
                      @PathParam("callControlId") String callControlId, @PathParam("action") String action,
                      JsonObject body);

    /** A WebRTC login token: the answer is the raw JWT, not JSON. */
    @POST
    @Path("telephony_credentials/{id}/token")
    @Produces(MediaType.TEXT_PLAIN)
    String token(@HeaderParam("Authorization") String authorization, @PathParam("id") String credentialId);
}
