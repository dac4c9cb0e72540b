package callcenter.web.auth;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.common.Roles;
import callcenter.web.TokenClaims;

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
        TokenClaims claims = TokenClaims.of(jwt);
        if (claims.role() == null || !List.of(ROLES).contains(claims.role())) {
            throw CallCenterException.forbidden("The token carries no role");
        }
        if (claims.subject() == null) {
            throw CallCenterException.unauthorized("The token's subject is not one this server issued");
        }
        return claims.actor();
    }
}
