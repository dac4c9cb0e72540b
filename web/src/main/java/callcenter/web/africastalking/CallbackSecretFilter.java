package callcenter.web.africastalking;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import callcenter.providers.africastalking.boundary.AfricasTalkingCallbacks;

/**
 * Checks the Africa's Talking callback secret before JAX-RS matches the request or reads its body, so that a request
 * without it is a 403 whatever it carries (api.md section 4: wrong or missing secret, 403). Checked only in the
 * resource, a malformed form was a 400 and a JSON body a 415, answers that told a stranger more than "not allowed".
 */
@Provider
@PreMatching
public class CallbackSecretFilter implements ContainerRequestFilter {

    /** The callback's path under /webhooks. */
    static final String PATH = "africastalking/voice";

    @Inject
    AfricasTalkingCallbacks callbacks;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (PATH.equals(path.startsWith("/") ? path.substring(1) : path)) {
            callbacks.checkSecret(request.getUriInfo().getQueryParameters().getFirst("secret"));
        }
    }
}
