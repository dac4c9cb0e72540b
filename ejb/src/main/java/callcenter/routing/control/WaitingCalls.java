package callcenter.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Uuids;

/**
 * The sweep's questions about waiting calls and their offers, answered by the database alone, so that any node can
 * ask them and a restarted node finds the work that was left (api.md section 7: routing survives a restart).
 */
@Stateless
public class WaitingCalls {

    @PersistenceContext
    EntityManager em;

    /** Offers of calls that no longer wait (taken, ended, missed): their agents are free again. */
    public int dropStaleOffers() {
        return em.createNativeQuery("DELETE FROM call_offers WHERE NOT EXISTS (SELECT 1 FROM calls c"
                + " WHERE c.id = call_offers.call_id AND c.status = 'waiting')").executeUpdate();
    }

    /** Calls whose pending offer expired at {@code now} or before, oldest offer first. */
    @SuppressWarnings("unchecked")
    public List<UUID> expiredOffers(Instant now, int max) {
        return Uuids.all(em.createNativeQuery("SELECT call_id FROM call_offers WHERE expires_at <= ? ORDER BY expires_at")
                .setParameter(1, now).setMaxResults(max).getResultList());
    }

    /**
     * Waiting calls of one-at-a-time queues with no pending offer, in the order agents take them: the highest
     * priority, then the oldest.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> unoffered(int max) {
        return Uuids.all(em.createNativeQuery("SELECT c.id FROM calls c JOIN queues q ON q.name = c.queue"
                        + " WHERE c.status = 'waiting' AND q.strategy <> 'ring-all'"
                        + " AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.call_id = c.id)"
                        + " ORDER BY c.priority DESC, c.created_at, c.id")
                .setMaxResults(max).getResultList());
    }

    /** Whether a waiting call of the same queue with no offer comes before this one (higher priority, or older). */
    public boolean anyAhead(UUID callId, String queue, int priority, Instant createdAt) {
        return !em.createNativeQuery("SELECT c.id FROM calls c WHERE c.status = 'waiting' AND c.queue = :queue"
                        + " AND c.id <> :id AND (c.priority > :priority OR (c.priority = :priority"
                        + " AND c.created_at < :created))"
                        + " AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.call_id = c.id)")
                .setParameter("queue", queue).setParameter("id", callId).setParameter("priority", priority)
                .setParameter("created", createdAt).setMaxResults(1).getResultList().isEmpty();
    }

    /** Waiting calls of {@code queue} created at or before {@code limit} that have not overflowed yet. */
    @SuppressWarnings("unchecked")
    public List<UUID> overflowDue(String queue, Instant limit, int max) {
        return Uuids.all(em.createNativeQuery("SELECT c.id FROM calls c WHERE c.status = 'waiting' AND c.queue = ?"
                        + " AND c.created_at <= ? AND NOT EXISTS (SELECT 1 FROM call_overflows f"
                        + " WHERE f.call_id = c.id) ORDER BY c.created_at")
                .setParameter(1, queue).setParameter(2, limit).setMaxResults(max).getResultList());
    }

    /** Whether any agent is available with a socket and no pending offer: else a sweep need not try the calls. */
    public boolean anyFreeAgent() {
        return !em.createNativeQuery("SELECT p.user_id FROM agent_presence p WHERE p.status = 'available'"
                        + " AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = p.user_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM call_offers o WHERE o.agent_id = p.user_id)")
                .setMaxResults(1).getResultList().isEmpty();
    }
}
