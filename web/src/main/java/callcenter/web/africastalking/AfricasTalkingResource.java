package callcenter.web.africastalking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.providers.africastalking.boundary.AfricasTalkingCalls;
import callcenter.providers.africastalking.boundary.AfricasTalkingTokens;
import callcenter.providers.africastalking.boundary.IssuedToken;
import callcenter.web.RestApplication;

/**
 * Africa's Talking for agents' browsers and integrators: {@code /api/africastalking/capability-token} and
 * {@code /api/africastalking/make-call}.
 */
@SecurityRequirement(name = RestApplication.BEARER)
@Path("africastalking")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AfricasTalkingResource {

    @Inject
    AfricasTalkingTokens tokens;

    @Inject
    AfricasTalkingCalls calls;

    @Inject
    Actor caller;

    @POST
    @Path("capability-token")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public IssuedToken capabilityToken(@Valid @NotNull CapabilityTokenRequest request) {
        return tokens.capabilityToken(request.command(), caller);
    }

    /** Answered as a Response so that JSON-B writes the answer's own shape (webrtc or voice), not the interface's. */
    @POST
    @Path("make-call")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public Response makeCall(@Valid @NotNull MakeCallRequest request,
                             @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.ok(calls.makeCall(request.command(), idempotencyKey, caller)).build();
    }
}
