package callcenter.web.africastalking;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import callcenter.providers.africastalking.boundary.AfricasTalkingCallbacks;

/**
 * Africa's Talking voice callbacks: {@code POST /webhooks/africastalking/voice?secret=...}, form-encoded, answered
 * with ActionXML. AT signs nothing, so the secret in the URL set on the AT number is the authentication.
 */
@Path("africastalking")
@RequestScoped
public class AfricasTalkingWebhookResource {

    @Inject
    AfricasTalkingCallbacks callbacks;

    @POST
    @Path("voice") // CallbackSecretFilter.PATH
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response africasTalkingVoice(@QueryParam("secret") String secret, MultivaluedMap<String, String> form) {
        // CallbackSecretFilter checked the secret before the body was read; checked again here, where it is used.
        callbacks.checkSecret(secret);
        // Whatever the Accept header says: AT reads ActionXML.
        return Response.ok(callbacks.callback(secret, form), MediaType.APPLICATION_XML_TYPE).build();
    }
}
