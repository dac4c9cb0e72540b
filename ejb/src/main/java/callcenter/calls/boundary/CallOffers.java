package callcenter.calls.boundary;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.control.CallTimeline;
import callcenter.calls.control.CallTransitions;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.JsonP;
import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.queues.boundary.QueueDeleted;
import callcenter.queues.entity.Queue;

/**
 * The call log as routing changes it: routing decides who a waiting call is offered to, the call log records it.
 * Each recorded change of an offer also counts as a change of the call (its version), so the pushes that go with it
 * are ordered among the call's other events on every node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallOffers {

    @Inject
    CallTimeline timeline;

    @Inject
    CallTransitions transitions;

    @Inject
    Event<CallWaiting> waitingCalls;

    @Inject
    Settings settings;

    @PersistenceContext
    EntityManager em;

    /** Whether the database is PostgreSQL (else the embedded H2, which has no data-modifying WITH). */
    private Boolean postgres;

    /** The call was offered to {@code agents} agents: its {@code offered} timeline entry. */
    public void offered(UUID callId, int agents) {
        timeline.add(callId, "offered", JsonP.createObjectBuilder().add("agents", agents).build());
    }

    /**
     * A one-at-a-time offer to {@code agentId}: its {@code offered} entry; answers the call as it is now. The call's
     * row is locked by this transaction and was read after the lock (see {@link #touch(CallView)}).
     */
    public CallView offeredTo(CallView call, UUID agentId) {
        JsonObject data = JsonP.createObjectBuilder().add("agents", 1).add("agentId", agentId.toString()).build();
        CallLog read = postgres() ? em.find(CallLog.class, call.id()) : null;
        if (read == null) {
            timeline.add(call.id(), "offered", data);
            return touch(call);
        }
        // PostgreSQL: the entry and the version in one statement (one round trip of a routing's four, issue 16).
        // As in touch(CallView): counted up only from the version read after the lock, else read again.
        List<?> version = em.createNativeQuery("WITH entry AS (INSERT INTO call_events (call_id, event_type,"
                        + " recorded_at, data) VALUES (:call, 'offered', :at, :data)), touched AS (UPDATE calls"
                        + " SET version = version + 1 WHERE id = :call AND version = :version RETURNING version)"
                        + " SELECT version FROM touched")
                .setParameter("call", call.id()).setParameter("at", Times.now()).setParameter("data", data.toString())
                .setParameter("version", read.version()).getResultList();
        // The UPDATE went past the copy this transaction holds: a later read in it loads the row again.
        em.detach(read);
        return version.isEmpty() ? touched(call.id()) : call.withVersion(((Number) version.get(0)).longValue());
    }

    /**
     * A one-at-a-time offer whose {@code offered} entry the routing's claim wrote with it (PostgreSQL: one statement,
     * see routing's {@code OneStatementClaim}), and whose version it counted up to {@code version} from the call's as
     * this transaction read it after the lock; null when the call was no longer at that version (counted up here and
     * read again, as {@link #offeredTo} does). Answers the call as it is now.
     */
    public CallView offeredInClaim(CallView call, Long version) {
        CallLog read = em.find(CallLog.class, call.id());
        if (read != null) {
            em.detach(read); // the claim's UPDATE went past this copy: a later read in it loads the row again
        }
        return version == null ? touched(call.id()) : call.withVersion(version);
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = settings.postgresql();
        }
        return postgres;
    }

    /** The agent let the offer pass its timeout: {@code offer_timeout}; answers the call as it is now. */
    public CallView offerTimedOut(UUID callId, UUID agentId) {
        timeline.add(callId, "offer_timeout", JsonP.createObjectBuilder().add("agentId", agentId.toString()).build());
        // Not a change of its own: what follows (the next offer, or the revocation) counts the call's version up.
        return current(callId);
    }

    /** The call is offered to the overflow queue's members too: {@code overflowed}. */
    public CallView overflowed(UUID callId, String queue) {
        JsonObjectBuilder data = JsonP.createObjectBuilder().add("queue", queue);
        timeline.add(callId, "overflowed", data.build());
        return touched(callId);
    }

    /** A change of the call that is only about its offers (a decline moved on): answers the call as it is now. */
    public CallView touch(UUID callId) {
        return touched(callId);
    }

    /**
     * As {@link #touch(UUID)}, for a call whose row this transaction has locked and read after the lock: one
     * statement, no second read (a routing step does this for every offer and revocation).
     */
    public CallView touch(CallView call) {
        CallLog read = em.find(CallLog.class, call.id());
        if (read == null || !transitions.touch(call.id(), read.version())) {
            return touched(call.id());
        }
        // The UPDATE went past the copy this transaction holds: a later read in it loads the row again.
        em.detach(read);
        return call.withVersion(read.version() + 1);
    }

    /**
     * The call, locked (waiting for another holder) and read in one statement when this transaction has it
     * already (a decline read it to check who may decline); null when it no longer waits.
     */
    public CallView lockedWaiting(UUID callId) {
        CallLog call = transitions.lock(callId);
        return call == null || call.status() != CallStatus.WAITING ? null : CallView.of(call);
    }

    /**
     * Locks the call's row if it is still waiting and no other transaction holds it (another node routing it, an
     * accept): false means leave it, someone else decides now. Taken before any agent's row, like an accept does.
     */
    public boolean lockWaiting(UUID callId) {
        return !em.createNativeQuery("SELECT id FROM calls WHERE id = ? AND status = 'waiting' FOR UPDATE SKIP LOCKED")
                .setParameter(1, callId).getResultList().isEmpty();
    }

    /** Locks the call's row, waiting for another holder; false when the call no longer waits. */
    public boolean lockWaitingOrWait(UUID callId) {
        return !em.createNativeQuery("SELECT id FROM calls WHERE id = ? AND status = 'waiting' FOR UPDATE")
                .setParameter(1, callId).getResultList().isEmpty();
    }

    /** The call as it is now; null when there is none. */
    public CallView current(UUID callId) {
        CallLog call = transitions.fresh(callId);
        return call == null ? null : CallView.of(call);
    }

    /** A queue is deleted: its waiting calls move to the default queue and are offered there. */
    public void queueDeleted(@Observes QueueDeleted deleted) {
        List<UUID> moved = em.createQuery("SELECT c.id FROM CallLog c WHERE c.status = :waiting AND c.queue = :queue",
                        UUID.class)
                .setParameter("waiting", CallStatus.WAITING).setParameter("queue", deleted.name()).getResultList();
        for (UUID id : moved) {
            em.createQuery("UPDATE CallLog c SET c.queue = :general, c.version = c.version + 1 WHERE c.id = :id")
                    .setParameter("general", Queue.DEFAULT).setParameter("id", id).executeUpdate();
            timeline.add(id, "queued", JsonP.createObjectBuilder().add("queue", Queue.DEFAULT)
                    .add("from", deleted.name()).build());
            waitingCalls.fire(new CallWaiting(current(id)));
        }
    }

    private CallView touched(UUID callId) {
        transitions.touch(callId);
        return current(callId);
    }
}
