package callcenter.routing.boundary;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.agents.boundary.AgentAvailable;
import callcenter.calls.boundary.CallPlaces;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.calls.entity.CallLog;
import callcenter.common.Uuids;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;

/**
 * The {@code calls:waiting} snapshot a registering dashboard gets: only the waiting calls offered to that agent
 * (api.md section 7) — ring-all calls of its queues (and of queues that overflowed into them) and the one-at-a-time
 * call offered to it — oldest first, at most {@link CallService#WAITING_SNAPSHOT}; and again, on every node's
 * sockets of the agent, when it becomes available after being away or on a call.
 */
@Stateless
public class WaitingSnapshot {

    @PersistenceContext
    EntityManager em;

    @Inject
    PushPublisher publisher;

    @Inject
    CallPlaces places;

    /** Published in the transaction that made the agent available, so it is ordered after what came before. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void available(@Observes AgentAvailable available) {
        publisher.publish(Push.of("calls:waiting", of(available.agentId()), Audience.user(available.agentId())));
    }

    @SuppressWarnings("unchecked")
    public List<CallView> of(UUID agentId) {
        List<UUID> ids = Uuids.all(em.createNativeQuery("SELECT c.id FROM calls c JOIN queues q ON q.name = c.queue"
                        + " WHERE c.status = 'waiting' AND ((q.strategy = 'ring-all' AND (EXISTS (SELECT 1"
                        + " FROM queue_members m WHERE m.queue_name = c.queue AND m.user_id = :agent) OR EXISTS"
                        + " (SELECT 1 FROM call_overflows f JOIN queue_members m ON m.queue_name = f.queue"
                        + " WHERE f.call_id = c.id AND m.user_id = :agent)))"
                        + " OR EXISTS (SELECT 1 FROM call_offers o WHERE o.call_id = c.id AND o.agent_id = :agent))"
                        + " ORDER BY c.created_at, c.id")
                .setParameter("agent", agentId).setMaxResults(CallService.WAITING_SNAPSHOT).getResultList());
        if (ids.isEmpty()) {
            return List.of();
        }
        // The calls in one statement (not a lookup per id), in the order chosen above; with each call's place (api.md
        // section 7: queuePosition and estimatedWaitSeconds while waiting), as REST.
        Map<UUID, CallLog> calls = em.createQuery("SELECT c FROM CallLog c WHERE c.id IN :ids", CallLog.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.toMap(CallLog::id, c -> c));
        return places.placed(ids.stream().map(calls::get).filter(c -> c != null).toList());
    }
}
