package callcenter.providers.africastalking.control;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;

/**
 * Forgets Africa's Talking callbacks (kept to answer an exact repeat the same way) and their sessions once no
 * repeat can come any more, so that neither table grows for ever. A call lasts hours at most and AT repeats a
 * callback within minutes, so a week is far beyond the last callback of any session.
 */
@Stateless
public class CallbackRetention {

    private static final Logger LOG = Logger.getLogger(CallbackRetention.class.getName());

    static final Duration KEPT = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    /** Deletes what is older than a week; answers how many callbacks and sessions went. */
    // Every node runs it; deleting the same old rows twice is harmless.
    @Schedule(hour = "*", minute = "43", persistent = false)
    public int purgeExpired() {
        Instant before = Times.now().minus(KEPT);
        int callbacks = em.createNativeQuery("DELETE FROM at_callbacks WHERE received_at < ?1")
                .setParameter(1, before)
                .executeUpdate();
        // A session goes with its last callback; one still locked by a callback in progress is younger than a week.
        int sessions = em.createNativeQuery("DELETE FROM at_sessions s WHERE s.created_at < ?1"
                        + " AND NOT EXISTS (SELECT 1 FROM at_callbacks c WHERE c.session_id = s.session_id)")
                .setParameter(1, before)
                .executeUpdate();
        if (callbacks + sessions > 0) {
            LOG.fine(() -> "Forgot " + callbacks + " Africa's Talking callbacks and " + sessions
                    + " sessions older than " + KEPT.toDays() + " days");
        }
        return callbacks + sessions;
    }
}
