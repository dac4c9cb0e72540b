package callcenter.auth.control;

import java.time.Instant;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import callcenter.auth.entity.LoginAttempts;

/**
 * Stores {@link ThrottleRule}'s state in {@code login_attempts}. Every change locks the username's row first
 * (SELECT ... FOR UPDATE), so concurrent failures on several nodes are all counted.
 */
@Stateless
public class LoginThrottle {

    @PersistenceContext
    EntityManager em;

    /** Seconds the username is still locked for, 0 when it may try. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long lockedForSeconds(String username, Instant now) {
        return ThrottleRule.lockedForSeconds(state(em.find(LoginAttempts.class, username)), now);
    }

    /**
     * Counts a failed login. In a transaction of its own: the request that failed answers 401 and rolls its own
     * work back, but the count must stay.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(String username, Instant now) {
        // Make sure the row exists without racing another node's first failure, then lock it.
        em.createNativeQuery("INSERT INTO login_attempts (username, failures, window_started_at) VALUES (?1, 0, ?2) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, username)
                .setParameter(2, now)
                .executeUpdate();
        LoginAttempts row = em.find(LoginAttempts.class, username, LockModeType.PESSIMISTIC_WRITE);
        ThrottleRule.State next = ThrottleRule.afterFailure(state(row), now);
        row.update(next.failures(), next.windowStartedAt(), next.lockedUntil());
    }

    /**
     * A right password: resets the count, unless another node locked the username meanwhile (then 429). Joins the
     * login's transaction, so the reset stands only if the login succeeds.
     */
    public void recordSuccess(String username, Instant now) {
        LoginAttempts row = em.find(LoginAttempts.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            return;
        }
        long locked = ThrottleRule.lockedForSeconds(state(row), now);
        if (locked > 0) {
            throw ThrottleRule.locked(locked);
        }
        em.remove(row);
    }

    private static ThrottleRule.State state(LoginAttempts row) {
        return row == null ? null : new ThrottleRule.State(row.failures(), row.windowStartedAt(), row.lockedUntil());
    }
}
