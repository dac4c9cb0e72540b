package callcenter.web.telnyx;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.calls.boundary.CallView;
import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.providers.telnyx.boundary.TelnyxCalls;
import callcenter.providers.telnyx.boundary.TelnyxTokens;
import callcenter.providers.telnyx.boundary.WebRtcToken;
import callcenter.web.RestApplication;

/**
 * Telnyx Call Control for agents and integrators: {@code /api/voice/calls/outbound}, the commands on a live call
 * ({@code /api/voice/calls/{callControlId}/answer|connect-webrtc|hangup|dtmf}) and {@code /api/voice/webrtc-token}.
 * Method names are the OpenAPI operationIds, unique across the application.
 */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("voice")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TelnyxResource {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    TelnyxCalls calls;

    @Inject
    TelnyxTokens tokens;

    @Inject
    Actor caller;

    @Context
    UriInfo uri;

    @POST
    @Path("calls/outbound")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    @APIResponse(responseCode = "201", description = "The call, dialing",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    @APIResponse(responseCode = "200", description = "The same call again: a retry under the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CallView.class)))
    public Response outbound(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                             @Valid @NotNull OutboundRequest request) {
        TelnyxCalls.Placed placed = calls.outbound(request.command(), idempotencyKey, caller);
        if (placed.replayed()) {
            return Response.ok(placed.call()).build();
        }
        CallView call = placed.call();
        return Response.created(uri.getBaseUriBuilder().path("calls").path(call.id().toString()).build())
                .entity(call).build();
    }

    @POST
    @Path("calls/{callControlId}/answer")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public CommandResult answerTelnyxCall(@PathParam("callControlId") String callControlId,
                                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        calls.answer(callControlId, idempotencyKey, caller);
        return CommandResult.OK;
    }

    @POST
    @Path("calls/{callControlId}/connect-webrtc")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public CommandResult connectTelnyxCallToWebrtc(@PathParam("callControlId") String callControlId,
                                                   @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                                   @Valid @NotNull ConnectWebrtcRequest request) {
        calls.connectWebrtc(callControlId, request.sipUser(), idempotencyKey, caller);
        return CommandResult.OK;
    }

    @POST
    @Path("calls/{callControlId}/hangup")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public CommandResult hangupTelnyxCall(@PathParam("callControlId") String callControlId,
                                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        calls.hangup(callControlId, idempotencyKey, caller);
        return CommandResult.OK;
    }

    @POST
    @Path("calls/{callControlId}/dtmf")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public CommandResult sendTelnyxDtmf(@PathParam("callControlId") String callControlId,
                                       @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                                       @Valid @NotNull DtmfRequest request) {
        calls.sendDtmf(callControlId, request.tones(), idempotencyKey, caller);
        return CommandResult.OK;
    }

    @POST
    @Path("webrtc-token")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public WebRtcToken webrtcToken() {
        return tokens.webrtcToken(caller);
    }
}
