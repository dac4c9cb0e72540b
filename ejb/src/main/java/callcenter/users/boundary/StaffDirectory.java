package callcenter.users.boundary;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import callcenter.users.entity.User;

/**
 * What presence needs of the users who take calls (agents, supervisors, admins): one user's row locked, the lock
 * every node takes before changing that agent's presence.
 */
@Stateless
public class StaffDirectory {

    @PersistenceContext
    EntityManager em;

    /**
     * The user's row, read and locked ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends: presence
     * changes of one agent happen one after the other, on every node. Disabled users too (their last sockets and
     * calls still need bookkeeping); empty when there is no such user.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<User> lock(UUID id) {
        return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * {@link #lock} for many users in one statement. PostgreSQL locks the rows in the order of the {@code ORDER BY},
     * so two transactions locking overlapping sets this way wait for each other rather than deadlock.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockAll(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("SELECT u.id FROM User u WHERE u.id IN :ids ORDER BY u.id", UUID.class)
                    .setParameter("ids", ids).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        }
    }
}
