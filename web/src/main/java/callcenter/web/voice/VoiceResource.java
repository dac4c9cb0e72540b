package callcenter.web.voice;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import callcenter.calls.boundary.CallView;
import callcenter.common.Actor;
import callcenter.common.JsonP;
import callcenter.common.Roles;
import callcenter.providers.telnyx.TelnyxService;
import callcenter.web.calls.JsonBody;

/**
 * Telnyx Call Control for agents and integrators: {@code /api/voice/calls/outbound}, the commands on a live call
 * ({@code /api/voice/calls/{callControlId}/answer|connect-webrtc|hangup|dtmf}) and {@code /api/voice/webrtc-token}.
 */
@Path("voice")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VoiceResource {

    private static final JsonObject OK = JsonP.createObjectBuilder().add("result", "ok").build();

    @Inject
    TelnyxService telnyx;

    @Inject
    Actor caller;

    @Context
    UriInfo uri;

    @POST
    @Path("calls/outbound")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public Response outbound(String body) {
        CallView call = telnyx.outbound(JsonBody.object(body), caller);
        return Response.created(uri.getBaseUriBuilder().path("calls").path(call.id().toString()).build())
                .entity(call.toJson()).build();
    }

    @POST
    @Path("calls/{callControlId}/{command}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public JsonObject command(@PathParam("callControlId") String callControlId, @PathParam("command") String command,
                              String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        telnyx.command(callControlId, command, optionalObject(body), idempotencyKey, caller);
        return OK;
    }

    @POST
    @Path("webrtc-token")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public JsonObject webrtcToken() {
        return JsonP.createObjectBuilder().add("token", telnyx.webrtcToken(caller)).build();
    }

    /** answer and hangup take no body, connect-webrtc an optional one: an empty body means "no fields". */
    private static JsonObject optionalObject(String body) {
        return body == null || body.isBlank() ? JsonValue.EMPTY_JSON_OBJECT : JsonBody.object(body);
    }
}
