package callcenter.providers.africastalking.control;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;

/**
 * The voice callbacks already answered, kept to recognise AT's exact repeats, and the per-session lock that makes
 * the callbacks of one session take turns on every node. Works inside the callback's transaction, so the lock is
 * held until its outcome is stored.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallbackLog {

    @PersistenceContext
    EntityManager em;

    /** Waits until no other callback of {@code session} is being handled, on any node. */
    public void lockSession(String session) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode): a racing first callback waits for
        // the other's insert instead of failing; the row lock then orders all callbacks of the session.
        em.createNativeQuery("INSERT INTO at_sessions (session_id, created_at) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, session).setParameter(2, Times.now()).executeUpdate();
        em.createNativeQuery("SELECT session_id FROM at_sessions WHERE session_id = ?1 FOR UPDATE")
                .setParameter(1, session).getResultList();
    }

    /** The reply given to an earlier callback of {@code session} with exactly these fields. */
    public Optional<String> earlierReply(String session, String fingerprint) {
        List<?> earlier = em.createNativeQuery("SELECT reply FROM at_callbacks WHERE session_id = ?1 AND fields_hash = ?2")
                .setParameter(1, session).setParameter(2, fingerprint).getResultList();
        return earlier.stream().findFirst().map(String.class::cast);
    }

    /** Remembers the reply to a callback; {@code callId} is null when the callback concerned no call. */
    public void answered(String session, String fingerprint, String reply, UUID callId) {
        // The NULL is written as a literal: an untyped null parameter cannot be bound on PostgreSQL.
        var insert = em.createNativeQuery("INSERT INTO at_callbacks (session_id, fields_hash, reply, call_id, received_at)"
                        + " VALUES (?1, ?2, ?3, " + (callId == null ? "NULL" : "?5") + ", ?4)")
                .setParameter(1, session).setParameter(2, fingerprint).setParameter(3, reply)
                .setParameter(4, Times.now());
        // The call id is the last parameter, so that leaving it out leaves no gap in the numbering.
        if (callId != null) {
            insert.setParameter(5, callId);
        }
        insert.executeUpdate();
    }
}
