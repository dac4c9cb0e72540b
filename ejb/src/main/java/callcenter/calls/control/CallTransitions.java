package callcenter.calls.control;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Times;

/**
 * Every change of a stored call, each one conditional UPDATE: the database decides races between nodes and agents,
 * never a JVM lock, and each change increments the call's version. The conditions are the rules of
 * {@link CallStatus}, bound as parameters. Callers add the timeline entry and the consequences of a change.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallTransitions {

    /** How often a change that lost a race for the row decides again on what the row is now. */
    static final int MAX_ATTEMPTS = 5;

    @PersistenceContext
    EntityManager em;

    public void create(CallLog call) {
        em.persist(call);
    }

    /** The row as it is now in the database, also when this transaction read it before a bulk UPDATE. */
    public CallLog fresh(UUID id) {
        CallLog call = em.find(CallLog.class, id);
        if (call != null) {
            em.refresh(call);
        }
        return call;
    }

    /**
     * The call, its row locked by this transaction (waiting for another holder) and read again with the lock;
     * null when there is none. One statement when this transaction has read the call before.
     */
    public CallLog lock(UUID id) {
        CallLog call = em.find(CallLog.class, id);
        if (call != null) {
            em.refresh(call, LockModeType.PESSIMISTIC_WRITE);
        }
        return call;
    }

    /** The call's status as committed (or as this transaction changed it), without loading the row. */
    public Optional<CallStatus> statusOf(UUID id) {
        return em.createQuery("SELECT c.status FROM CallLog c WHERE c.id = :id", CallStatus.class)
                .setParameter("id", id).getResultStream().findFirst();
    }

    /**
     * An agent takes the call: whatever the number of nodes and agents, exactly one accept changes the row. False when
     * the call is not acceptable (any more).
     */
    public boolean accept(UUID id, UUID agentId) {
        return em.createQuery("UPDATE CallLog c SET c.status = :active, c.agentId = :agent,"
                        + " c.answeredAt = COALESCE(c.answeredAt, :now), c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.status IN :from AND c.agentId IS NULL")
                .setParameter("active", CallStatus.ACTIVE)
                .setParameter("agent", agentId)
                .setParameter("now", Times.now())
                .setParameter("id", id)
                .setParameter("from", CallStatus.acceptableFrom())
                .executeUpdate() == 1;
    }

    /** The carrier answered: {@code active}, with no agent when none accepted yet; false when that is no move. */
    public boolean answer(UUID id) {
        return em.createQuery("UPDATE CallLog c SET c.status = :active, c.answeredAt = COALESCE(c.answeredAt, :now),"
                        + " c.version = c.version + 1 WHERE c.id = :id AND c.status IN :from")
                .setParameter("active", CallStatus.ACTIVE)
                .setParameter("now", Times.now())
                .setParameter("id", id)
                .setParameter("from", CallStatus.answerableFrom())
                .executeUpdate() == 1;
    }

    /**
     * The one end-of-call UPDATE: {@code decide} looks at the call as it is now and says how it ends (or throws a
     * refusal, or answers null when there is nothing to end). Answers the ended call, or null.
     */
    public CallLog end(UUID id, Function<CallLog, Ending> decide) {
        return decideAndWrite(id, call -> {
            Ending ending = decide.apply(call);
            if (ending == null) {
                return null;
            }
            Instant now = Times.now();
            return em.createQuery("UPDATE CallLog c SET c.status = :next, c.endedAt = :now,"
                            + " c.durationSeconds = :duration, c.hangupCause = :cause, c.version = c.version + 1"
                            + " WHERE c.id = :id AND c.version = :version AND c.status IN :from")
                    .setParameter("next", ending.next())
                    .setParameter("now", now)
                    .setParameter("duration", ending.durationSeconds(call, now))
                    .setParameter("cause", ending.cause())
                    .setParameter("from", ending.next().finalFrom());
        });
    }

    /** The agent's outcome of an ended call; {@code check} refuses by throwing. Answers the wrapped-up call. */
    public CallLog wrapUp(UUID id, Consumer<CallLog> check, String disposition, String note) {
        return decideAndWrite(id, call -> {
            check.accept(call);
            return em.createQuery("UPDATE CallLog c SET c.disposition = :disposition, c.note = :note,"
                            + " c.version = c.version + 1 WHERE c.id = :id AND c.version = :version AND c.status IN :from")
                    .setParameter("disposition", disposition)
                    .setParameter("note", note)
                    .setParameter("from", CallStatus.finals());
        });
    }

    /** The carrier's session of a call that had none yet; false when it already follows one. */
    public boolean attachSession(UUID id, String channel, String sessionId) {
        return em.createQuery("UPDATE CallLog c SET c.providerSessionId = :session, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.channel = :channel AND c.providerSessionId IS NULL")
                .setParameter("session", sessionId).setParameter("id", id).setParameter("channel", channel)
                .executeUpdate() == 1;
    }

    /** The carrier leg's call control id of a call that had none yet; false when it already follows one. */
    public boolean attachCallControlId(UUID id, String channel, String callControlId) {
        return em.createQuery("UPDATE CallLog c SET c.providerCallControlId = :leg, c.version = c.version + 1"
                        + " WHERE c.id = :id AND c.channel = :channel AND c.providerCallControlId IS NULL")
                .setParameter("leg", callControlId).setParameter("id", id).setParameter("channel", channel)
                .executeUpdate() == 1;
    }

    /** A change that is only a timeline entry (a failed carrier command) still orders the pushes after it. */
    /** As {@link #touch(UUID)}, when the call is still at {@code version}. */
    public boolean touch(UUID id, long version) {
        return em.createQuery("UPDATE CallLog c SET c.version = c.version + 1 WHERE c.id = :id AND c.version = :version")
                .setParameter("id", id).setParameter("version", version).executeUpdate() == 1;
    }

    public boolean touch(UUID id) {
        return em.createQuery("UPDATE CallLog c SET c.version = c.version + 1 WHERE c.id = :id")
                .setParameter("id", id).executeUpdate() == 1;
    }

    /**
     * Reads the call, lets {@code write} decide and prepare its UPDATE (conditional on the version read), and
     * runs it; when another change won the row meanwhile, decides again on what the call is now.
     */
    private CallLog decideAndWrite(UUID id, Function<CallLog, Query> write) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CallLog call = fresh(id);
            if (call == null) {
                throw CallFailures.notFound(id);
            }
            Query update = write.apply(call);
            if (update == null) {
                return null;
            }
            if (update.setParameter("id", id).setParameter("version", call.version()).executeUpdate() == 1) {
                em.refresh(call);
                return call;
            }
        }
        throw CallFailures.busy(id);
    }
}
