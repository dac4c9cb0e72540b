package callcenter.auth.control;

import java.time.Instant;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import callcenter.auth.entity.LoginAttempts;
import callcenter.common.Times;
import callcenter.platform.Settings;

/**
 * Stores {@link ThrottleRule}'s state in {@code login_attempts}, one row per username and one per client address
 * (keyed {@value #ADDRESS_KEY} + address, a character no username may hold). An attempt is counted as a failure
 * BEFORE its password is hashed, under the rows' locks (SELECT ... FOR UPDATE), so that however many logins of one
 * username arrive at once on however many nodes, at most {@link ThrottleRule#MAX_FAILURES} of them get to guess; a
 * right password then takes its count back, and only a wrong one can lock ({@link #failed}): counted and locked in one
 * step, a right password that happened to be the address's hundredth attempt locked an office behind one NAT address.
 * Each step is a short transaction of its own: no connection is held while the slow hash runs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

    static final String ADDRESS_KEY = "@";
    private static final int KEY_LENGTH = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    /**
     * Admits one attempt and counts it as a failure, or refuses it and counts nothing.
     *
     * @param username the username as sent, or null when no such user can exist (it is not counted then: a name
     *                 outside the username rule must not lock an address row)
     * @param address  the client's address, or null when unknown
     * @return 0 when the attempt may check its password; otherwise the seconds until it may try again (429)
     */
    public long admit(String username, String address, Instant now) {
        // Always the username's row before the address's: two attempts never wait for each other's second lock.
        LoginAttempts user = username == null ? null : lock(username, now);
        LoginAttempts from = address == null ? null : lock(addressKey(address), now);
        long wait = Math.max(ThrottleRule.lockedForSeconds(state(user), now),
                ThrottleRule.lockedForSeconds(state(from), now));
        if (wait > 0) {
            return wait;
        }
        if (ThrottleRule.full(state(user), now, ThrottleRule.MAX_FAILURES)
                || ThrottleRule.full(state(from), now, settings.loginAddressMaxFailures())) {
            return 1; // as many attempts as may guess are being checked right now: decided within a second
        }
        count(user, now);
        count(from, now);
        return 0;
    }

    /** The admitted attempt had a wrong password: a row whose count reached its limit is locked. */
    public void failed(String username, String address, Instant now) {
        lockIfFull(username == null ? null : em.find(LoginAttempts.class, username, LockModeType.PESSIMISTIC_WRITE),
                ThrottleRule.MAX_FAILURES, now);
        lockIfFull(address == null ? null
                        : em.find(LoginAttempts.class, addressKey(address), LockModeType.PESSIMISTIC_WRITE),
                settings.loginAddressMaxFailures(), now);
    }

    /**
     * The attempt admitted at {@code at} had the right password: the username's count starts again (api.md: a
     * successful login resets it), and the address gets back the attempt {@link #admit} counted for it.
     */
    public void succeeded(String username, String address, Instant at) {
        LoginAttempts user = em.find(LoginAttempts.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) {
            em.remove(user);
        }
        LoginAttempts from = address == null ? null
                : em.find(LoginAttempts.class, addressKey(address), LockModeType.PESSIMISTIC_WRITE);
        if (from != null) {
            store(from, ThrottleRule.succeeded(state(from), at), at);
        }
    }

    /**
     * Forgets the rows whose latest attempt is older than the window and whose lock is over (they would count
     * nothing any more), so that guessed usernames do not pile up. Every node runs it; deleting twice is harmless.
     */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public int purgeExpired() {
        Instant now = Times.now();
        int purged = em.createNativeQuery("DELETE FROM login_attempts WHERE last_attempt_at < ?1 "
                        + "AND (locked_until IS NULL OR locked_until < ?2)")
                .setParameter(1, now.minus(ThrottleRule.WINDOW))
                .setParameter(2, now)
                .executeUpdate();
        if (purged > 0) {
            LOG.fine(() -> "Forgot " + purged + " expired login attempt counts");
        }
        return purged;
    }

    /** The key's row, created if need be without racing another node's first attempt, then locked. */
    private LoginAttempts lock(String key, Instant now) {
        em.createNativeQuery("INSERT INTO login_attempts (username, failures, last_attempt_at) VALUES (?1, 0, ?2) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, key)
                .setParameter(2, now)
                .executeUpdate();
        return em.find(LoginAttempts.class, key, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void count(LoginAttempts row, Instant now) {
        if (row != null) {
            store(row, ThrottleRule.counted(state(row), now), now);
        }
    }

    private static void lockIfFull(LoginAttempts row, int maxFailures, Instant now) {
        if (row != null) {
            store(row, ThrottleRule.failed(state(row), now, maxFailures), now);
        }
    }

    private static void store(LoginAttempts row, ThrottleRule.State state, Instant now) {
        row.update(state.storedTimes(), state.attempts().size(), state.lastAttempt(now), state.lockedUntil());
    }

    static String addressKey(String address) {
        String key = ADDRESS_KEY + address;
        return key.length() <= KEY_LENGTH ? key : key.substring(0, KEY_LENGTH);
    }

    private static ThrottleRule.State state(LoginAttempts row) {
        return row == null ? null : ThrottleRule.State.stored(row.attemptTimes(), row.lockedUntil());
    }
}
