package callcenter.web;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import callcenter.common.CallCenterException;

/** Turns every failure inside JAX-RS into {@code application/problem+json}. */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(Throwable failure) {
        boolean authenticated = security != null && security.getUserPrincipal() != null;
        Throwable cause = Problems.unwrap(failure);
        Problem problem = Problems.of(cause, authenticated);
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        if (cause instanceof CallCenterException e && e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        if (cause instanceof NotAllowedException e) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}
