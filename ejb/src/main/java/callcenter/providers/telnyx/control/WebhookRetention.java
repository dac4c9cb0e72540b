package callcenter.providers.telnyx.control;

import java.time.Duration;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;

/**
 * Forgets the records of Telnyx webhooks (kept to de-duplicate them) once no retry of them can come any more, so
 * that the table does not grow for ever. Telnyx retries an unanswered webhook within minutes and a call lasts at
 * most four hours, so a week is far beyond the last copy of any event.
 */
@Stateless
public class WebhookRetention {

    private static final Logger LOG = Logger.getLogger(WebhookRetention.class.getName());

    static final Duration KEPT = Duration.ofDays(7);

    @PersistenceContext
    EntityManager em;

    // Every node runs it; deleting the same old rows twice is harmless.
    @Schedule(hour = "*", minute = "41", persistent = false)
    public int purgeExpired() {
        int purged = em.createNativeQuery("DELETE FROM telnyx_webhooks WHERE received_at < ?1")
                .setParameter(1, Times.now().minus(KEPT))
                .executeUpdate();
        if (purged > 0) {
            LOG.fine(() -> "Forgot " + purged + " Telnyx webhook records older than " + KEPT.toDays() + " days");
        }
        return purged;
    }
}
