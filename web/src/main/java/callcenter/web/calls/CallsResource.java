package callcenter.web.calls;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.calls.boundary.CallQuery;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CallWithTimeline;
import callcenter.calls.boundary.Initiated;
import callcenter.calls.boundary.InitiatedCall;
import callcenter.common.Actor;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Roles;
import callcenter.web.AcceptRace;
import callcenter.web.RestApplication;

/** The call log: {@code /api/calls}. JSON-B writes the boundary's records as they are. */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("calls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CallsResource {

    @Inject
    CallService calls;

    @Inject
    AcceptRace race;

    @Inject
    Actor caller;

    @Context
    UriInfo uri;

    @POST
    @Path("initiate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT, Roles.ADMIN})
    @APIResponse(responseCode = "201", description = "The call, stored and offered to the agents, with its callerToken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiatedCall.class)))
    @APIResponse(responseCode = "200", description = "The same call again: a retry under the same Idempotency-Key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InitiatedCall.class)))
    public Response initiateCall(@Valid @NotNull InitiateCallRequest request,
                                 @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Initiated initiated = calls.initiate(request.command(), idempotencyKey, caller);
        if (initiated.replayed()) {
            return Response.ok(initiated.call()).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("calls").path(initiated.call().id().toString()).build())
                .entity(initiated.call()).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public Page<CallView> listCalls(@QueryParam("status") String status, @QueryParam("channel") String channel,
                                    @QueryParam("agentId") String agentId, @QueryParam("phoneNumber") String phoneNumber,
                                    @QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return calls.list(new CallQuery(status, channel, agentId, phoneNumber, from, to),
                PageRequest.of(limit, cursor), caller);
    }

    // Only what looks like a UUID is an id: GET /api/calls/initiate is a wrong method on initiate (405), not an
    // unknown call. No braces in the pattern: the OpenAPI document's path would carry them.
    @GET
    @Path("{id: [0-9a-fA-F]+-[0-9a-fA-F-]+}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public CallWithTimeline getCall(@PathParam("id") UUID id) {
        return calls.getWithTimeline(id, caller);
    }

    @POST
    @Path("{id}/accept")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public CallView acceptCall(@PathParam("id") UUID id) {
        return race.accept(id, caller);
    }

    @POST
    @Path("{id}/end")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT, Roles.CALLER})
    public CallView endCall(@PathParam("id") UUID id) {
        return calls.end(id, caller);
    }

    @POST
    @Path("{id}/wrapup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public CallView wrapupCall(@PathParam("id") UUID id, @Valid @NotNull WrapupRequest request) {
        return calls.wrapup(id, request.command(), caller);
    }
}
