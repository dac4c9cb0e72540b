package callcenter.web.auth;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.common.Roles;

/**
 * The {@link Actor} of the current request, from the token MicroProfile JWT verified. Resources inject it and
 * pass it to boundaries; identity never comes from a request body.
 */
@RequestScoped
public class CallerProducer {

    private static final String[] ROLES = {Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.CLIENT, Roles.CALLER};

    @Inject
    JsonWebToken jwt;

    @Produces // dependent: a record cannot be proxied, and it is cheap to build per injection point
    public Actor caller() {
        if (jwt == null || jwt.getSubject() == null) {
            throw CallCenterException.unauthorized("No valid token");
        }
        String role = null;
        for (String candidate : ROLES) {
            if (jwt.getGroups().contains(candidate)) {
                role = candidate;
                break;
            }
        }
        if (role == null) {
            throw CallCenterException.forbidden("The token carries no role");
        }
        UUID subject;
        try {
            subject = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException e) {
            throw CallCenterException.unauthorized("The token's subject is not one this server issued");
        }
        return new Actor(subject, jwt.getName(), role, Roles.CALLER.equals(role) ? subject : null);
    }
}
