package callcenter.users.boundary;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.CallCenterException;
import callcenter.users.entity.User;

/**
 * The queries the carriers make on the users: the user behind an Africa's Talking client name, the client names of
 * the agents a call is offered to, and a user's own SIP user and Telnyx credential. Joins the caller's transaction.
 */
@Stateless
public class CarrierIdentities {

    @PersistenceContext
    EntityManager em;

    /** The user's carrier identity, enabled or not; empty for an unknown id. */
    public Optional<CarrierIdentity> of(UUID userId) {
        return Optional.ofNullable(userId).map(id -> em.find(User.class, id)).map(CarrierIdentity::of);
    }

    /** The identity of a user that may still act: a 403 for an unknown or disabled one. */
    public CarrierIdentity enabled(UUID userId) {
        return of(userId).filter(CarrierIdentity::enabled)
                .orElseThrow(() -> CallCenterException.forbidden("This user is unknown or disabled"));
    }

    /** The enabled user whose Africa's Talking client name this is. */
    public Optional<UUID> userOfAtClientName(String clientName) {
        return em.createQuery("SELECT u.id FROM User u WHERE u.atClientName = :name AND u.enabled = TRUE", UUID.class)
                .setParameter("name", clientName).getResultStream().findFirst();
    }

    /** The client names of those of {@code userIds} that are enabled, sorted, so that a Dial lists them stably. */
    public List<String> atClientNamesOf(Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT u.atClientName FROM User u WHERE u.id IN :ids AND u.enabled = TRUE"
                        + " ORDER BY u.atClientName", String.class)
                .setParameter("ids", userIds).getResultList();
    }
}
