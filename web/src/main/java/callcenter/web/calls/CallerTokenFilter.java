package callcenter.web.calls;

import java.security.Principal;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.jwt.JsonWebToken;

import callcenter.calls.boundary.CallService;
import callcenter.common.CallCenterException;
import callcenter.common.Roles;

/**
 * Refuses a callerToken (401) from one hour after its call ended, whatever its {@code exp} says. Runs before the
 * role checks, so a stale callerToken is a 401 on every /api path rather than a 403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION + 1)
public class CallerTokenFilter implements ContainerRequestFilter {

    @Inject
    CallService calls;

    @Override
    public void filter(ContainerRequestContext request) {
        SecurityContext security = request.getSecurityContext();
        if (security == null || !security.isUserInRole(Roles.CALLER)) {
            return;
        }
        Principal principal = security.getUserPrincipal();
        UUID callId = null;
        if (principal instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            try {
                callId = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException e) {
                callId = null;
            }
        }
        if (callId == null || !calls.callerTokenStillValid(callId)) {
            throw CallCenterException.unauthorized("This callerToken is no longer valid");
        }
    }
}
