package callcenter.auth.boundary;

import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Roles;
import callcenter.users.entity.ApiClient;
import callcenter.users.entity.User;

/**
 * Whether the principal behind a verified token may still act: a token is signed for hours, but disabling a user
 * or deleting a client must take effect at once, and so must a password or role change (the user's token generation
 * moves on; see {@code TokenIssuer.GENERATION}). One primary-key lookup per request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ActivePrincipals {

    @PersistenceContext
    EntityManager em;

    /**
     * @param id   the token's subject
     * @param role       the token's role; a user token also stops working when its user's role changed, so that a
     *                   demoted admin does not stay an admin until the token expires
     * @param generation a user token's generation claim; null (a token without one, issued before generations
     *                   existed) is refused: such a token cannot tell whether it predates a password change
     */
    public boolean isActive(UUID id, String role, Long generation) {
        if (Roles.isUserRole(role)) {
            User user = em.find(User.class, id);
            return user != null && user.enabled() && user.role().equals(role) && generation != null
                    && generation == user.tokenGeneration();
        }
        if (Roles.CLIENT.equals(role)) {
            ApiClient client = em.find(ApiClient.class, id);
            return client != null && !client.deleted();
        }
        return false;
    }
}
