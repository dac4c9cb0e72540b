package callcenter.web.auth;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import callcenter.auth.boundary.ActivePrincipals;
import callcenter.common.CallCenterException;
import callcenter.web.TokenClaims;

/**
 * Refuses a valid signature of a principal that may no longer act: a disabled or deleted user, a user whose role
 * or password changed since the token was issued (its generation moved on), a deleted API client (api.md: "disabling a user or deleting a client makes its tokens fail from then
 * on"). Runs after MicroProfile JWT verified the token and before the role checks, so such a token is a 401, not a
 * 403. Actor tokens are checked by the calls code, which knows their call.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class TokenStillValidFilter implements ContainerRequestFilter {

    @Inject
    ActivePrincipals principals;

    @Inject
    JsonWebToken token;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (principal == null) {
            return; // no token: public paths pass, and the role check answers 401 on the others
        }
        if (resource.getResourceMethod() != null && resource.getResourceMethod().isAnnotationPresent(PermitAll.class)) {
            return; // login and the token endpoint need no token: an old one a client still sends must not block them
        }
        TokenClaims claims = TokenClaims.of(principal instanceof JsonWebToken direct ? direct : token);
        if (claims.isCaller()) {
            return;
        }
        if (claims.role() == null || claims.subject() == null
                || !principals.isActive(claims.subject(), claims.role(), claims.generation())) {
            throw CallCenterException.unauthorized("This token is no longer valid: its user was disabled or its "
                    + "password or role changed, or its client was deleted; get a new token");
        }
    }
}
