package callcenter.web.africastalking;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.providers.africastalking.AfricasTalkingService;
import callcenter.web.calls.JsonBody;

/**
 * Africa's Talking for agents' browsers and integrators: {@code /api/africastalking/capability-token} and
 * {@code /api/africastalking/make-call}. Bodies are parsed as JSON-P objects, because they accept the seed's
 * snake_case names and make-call fingerprints its body for Idempotency-Key.
 */
@Path("africastalking")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AfricasTalkingResource {

    @Inject
    AfricasTalkingService africasTalking;

    @Inject
    Actor caller;

    @POST
    @Path("capability-token")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    public JsonObject capabilityToken(String body) {
        return africasTalking.capabilityToken(optionalObject(body), caller);
    }

    @POST
    @Path("make-call")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN, Roles.CLIENT})
    public JsonObject makeCall(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return africasTalking.makeCall(JsonBody.object(body), idempotencyKey, caller);
    }

    /** Every field of a token request is optional, so an empty body means "all defaults". */
    private static JsonObject optionalObject(String body) {
        return body == null || body.isBlank() ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : JsonBody.object(body);
    }
}
