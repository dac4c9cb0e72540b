package callcenter.idempotency.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.idempotency.entity.IdempotencyRecord;
import callcenter.common.CallCenterException;
import callcenter.common.Times;
import callcenter.platform.NodeIdentity;

/**
 * {@code Idempotency-Key} handling for the endpoints that start calls. A request first claims its key in a
 * transaction of its own, so every node sees the claim before the work starts and the unique (principal, key)
 * lets exactly one of two racing requests do the work; the work then completes the record in its own transaction,
 * or the record is released when the work fails so the key can be retried.
 */
@Stateless
public class IdempotencyRecords {

    private static final Logger LOG = Logger.getLogger(IdempotencyRecords.class.getName());

    /** Records answer again for at least 24 hours. */
    static final Duration RETENTION = Duration.ofHours(25);
    /** A claim from before boot ids (no boot_id) still in progress after this long belongs to a dead request. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    /** The outcome of a claim: either the caller does the work, or it answers with what the first request did. */
    public record Claim(boolean fresh, Integer status, UUID callId, String body) {
        static Claim doTheWork() {
            return new Claim(true, null, null, null);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    NodeIdentity node;

    /**
     * Claims {@code key} for a request with fingerprint {@code requestHash}, committed before returning. Answers a
     * fresh claim, or the first request's answer when the key was used with the same request and that request is
     * done; a different request under the same key, or the same one still running, is a 409.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Claim claim(String principal, String key, String requestHash) {
        Instant now = Times.now();
        // An expired record, or a claim whose boot is no longer running (its node restarted, or its heartbeat
        // stopped), is nobody's: a retry after a crash gets on with the work at once instead of "in progress".
        em.createNativeQuery("DELETE FROM idempotency_records r WHERE r.principal = ?1 AND r.idem_key = ?2"
                        + " AND (r.expires_at <= ?3 OR (r.state = ?4 AND ("
                        + "   (r.boot_id IS NULL AND r.created_at < ?5)"
                        + "   OR (r.boot_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM nodes n"
                        + "       WHERE n.boot_id = r.boot_id AND n.heartbeat_at > ?6)))))")
                .setParameter(1, principal)
                .setParameter(2, key)
                .setParameter(3, now)
                .setParameter(4, IdempotencyRecord.IN_PROGRESS)
                .setParameter(5, now.minus(ABANDONED_AFTER))
                .setParameter(6, now.minus(NodeIdentity.STALE_AFTER))
                .executeUpdate();
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): the loser of a race gets 0 rows
        // instead of an exception that would doom this transaction.
        int inserted = em.createNativeQuery("INSERT INTO idempotency_records"
                        + " (id, principal, idem_key, request_hash, state, created_at, expires_at, boot_id)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, principal)
                .setParameter(3, key)
                .setParameter(4, requestHash)
                .setParameter(5, IdempotencyRecord.IN_PROGRESS)
                .setParameter(6, now)
                .setParameter(7, now.plus(RETENTION))
                .setParameter(8, node.bootId())
                .executeUpdate();
        if (inserted == 1) {
            return Claim.doTheWork();
        }
        IdempotencyRecord existing = find(principal, key);
        if (existing == null || !existing.completed()) {
            if (existing != null && !existing.requestHash().equals(requestHash)) {
                throw reused();
            }
            throw CallCenterException.conflict("idempotency-key-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry it later");
        }
        if (!existing.requestHash().equals(requestHash)) {
            throw reused();
        }
        return new Claim(false, existing.responseStatus(), existing.callId(), existing.responseBody());
    }

    /** Records the answer of the work, in the work's own transaction. */
    public void complete(String principal, String key, int status, UUID callId, String body) {
        em.createQuery("UPDATE IdempotencyRecord r SET r.state = :completed, r.responseStatus = :status,"
                        + " r.callId = :callId, r.responseBody = :body WHERE r.principal = :principal AND r.key = :key")
                .setParameter("completed", IdempotencyRecord.COMPLETED)
                .setParameter("status", status)
                .setParameter("callId", callId)
                .setParameter("body", body)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .executeUpdate();
    }

    /** Forgets a claim whose work failed, so that the key can be used again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String principal, String key) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.principal = :principal AND r.key = :key"
                        + " AND r.state = :inProgress")
                .setParameter("principal", principal)
                .setParameter("key", key)
                .setParameter("inProgress", IdempotencyRecord.IN_PROGRESS)
                .executeUpdate();
    }

    // Every node runs it; deleting what has expired is the same work done twice at worst.
    @Schedule(hour = "*", minute = "23", persistent = false)
    void purgeExpired() {
        int purged = em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.expiresAt <= :now")
                .setParameter("now", Times.now())
                .executeUpdate();
        if (purged > 0) {
            LOG.fine(() -> "Purged " + purged + " expired idempotency records");
        }
    }

    private IdempotencyRecord find(String principal, String key) {
        return em.createQuery("SELECT r FROM IdempotencyRecord r WHERE r.principal = :principal AND r.key = :key",
                        IdempotencyRecord.class)
                .setParameter("principal", principal)
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null);
    }

    private static CallCenterException reused() {
        return CallCenterException.conflict("idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request");
    }
}
