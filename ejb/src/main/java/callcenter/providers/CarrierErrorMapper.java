package callcenter.providers;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a carrier's error answer (status 400 or more) into a 502 {@link ProviderException} carrying the carrier's
 * own words; each carrier says how to read its error bodies.
 */
public abstract class CarrierErrorMapper implements ResponseExceptionMapper<ProviderException> {

    protected abstract String provider();

    /** The carrier's words for an error answer with this status and body. */
    protected abstract String describe(int status, String body);

    @Override
    public ProviderException toThrowable(Response response) {
        String body;
        try {
            body = response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            body = "";
        }
        return ProviderException.error(provider(), describe(response.getStatus(), body));
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
