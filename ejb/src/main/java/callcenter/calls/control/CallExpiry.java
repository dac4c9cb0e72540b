package callcenter.calls.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.common.Times;
import callcenter.platform.Settings;
import callcenter.queues.entity.Queue;

/**
 * Calls the platform ends on its own, each in a transaction of its own: the ring timeout, a dial the carrier never
 * reported on, and the active call of an agent whose grace period passed. Derived from the stored call and decided by the conditional UPDATE, so it also
 * holds after a restart, and two nodes scanning at once never both end a call.
 */
@Stateless
public class CallExpiry {

    @Inject
    Settings settings;

    @Inject
    CallTransitions transitions;

    @Inject
    CallTimeline timeline;

    @Inject
    Event<CallExpired> expired;

    @PersistenceContext
    EntityManager em;

    /**
     * Waiting calls past their wait deadline (those stored before queues had none: created at or before
     * {@code limit}): candidates for the ring or queue timeout, oldest first.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> waitingSince(Instant limit, int max) {
        return em.createQuery("SELECT c.id FROM CallLog c WHERE c.status = :waiting AND ((c.waitDeadline IS NULL"
                        + " AND c.createdAt <= :limit) OR c.waitDeadline <= :now) ORDER BY c.createdAt", UUID.class)
                .setParameter("waiting", CallStatus.WAITING).setParameter("limit", limit)
                .setParameter("now", Times.now()).setMaxResults(max).getResultList();
    }

    /**
     * A call still waiting at its deadline (the queue's maximum wait, by default {@code CALLCENTER_RING_TIMEOUT_SECONDS}
     * after it was created) becomes {@code missed}: {@code ring_timeout} in the default queue, else
     * {@code queue_timeout}.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean timeOut(UUID id) {
        Instant now = Times.now();
        Instant limit = now.minusSeconds(settings.ringTimeoutSeconds());
        return expire(transitions.end(id, call -> call.status() == CallStatus.WAITING && (call.waitDeadline() == null
                ? !call.createdAt().isAfter(limit) : !call.waitDeadline().isAfter(now))
                ? new Ending(CallStatus.MISSED, call.queue() == null || Queue.DEFAULT.equals(call.queue())
                ? HangupCauses.RING_TIMEOUT : HangupCauses.QUEUE_TIMEOUT) : null));
    }

    /** Calls still dialing that were placed at or before {@code limit}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> dialingSince(Instant limit, int max) {
        return em.createQuery("SELECT c.id FROM CallLog c WHERE c.status = :dialing AND c.createdAt <= :limit"
                        + " ORDER BY c.createdAt", UUID.class)
                .setParameter("dialing", CallStatus.DIALING).setParameter("limit", limit)
                .setMaxResults(max).getResultList();
    }

    /**
     * A call still {@code dialing} {@code CALLCENTER_DIAL_TIMEOUT_SECONDS} after it was placed: the carrier never said
     * it was answered or over (its webhooks or callbacks do not reach the platform, or the browser that dialled went
     * away). It becomes {@code failed} with {@code provider_timeout}, and its carrier leg, if it has one, is hung up:
     * a call is never left dialing for good.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean dialTimeOut(UUID id) {
        Instant limit = Times.now().minusSeconds(settings.dialTimeoutSeconds());
        return expire(transitions.end(id, call -> call.status() == CallStatus.DIALING && !call.createdAt().isAfter(limit)
                ? new Ending(CallStatus.FAILED, HangupCauses.PROVIDER_TIMEOUT) : null));
    }

    /** The agent's grace period passed: its call ends, if it is still active with that agent. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean endForDisconnectedAgent(UUID id, UUID agentId) {
        return expire(transitions.end(id, call -> call.status() == CallStatus.ACTIVE && agentId.equals(call.agentId())
                ? new Ending(CallStatus.ENDED, HangupCauses.AGENT_DISCONNECTED) : null));
    }

    private boolean expire(CallLog call) {
        if (call == null) {
            return false;
        }
        timeline.ended(call, "platform", JsonValue.EMPTY_JSON_OBJECT);
        expired.fire(new CallExpired(call));
        return true;
    }
}
