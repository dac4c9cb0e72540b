package callcenter.calls.control;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Times;

/**
 * Where waiting calls stand in their queues (api.md section 7): position 1 is the call an agent of the queue gets
 * next (highest priority, then oldest), and the estimated wait from {@link WaitEstimates}.
 */
@Stateless
public class QueuePositions {

    /** A waiting call's place: its queue, position and estimate (null when unknown). */
    public record Place(UUID callId, String queue, int position, Integer estimatedWaitSeconds, long version) {
    }

    @PersistenceContext
    EntityManager em;

    /** The place of one waiting call; null when it does not wait in a queue. */
    public Place of(CallLog call) {
        if (call.status() != CallStatus.WAITING || call.queue() == null) {
            return null;
        }
        long ahead = em.createQuery("SELECT COUNT(c) FROM CallLog c WHERE c.status = :waiting AND c.queue = :queue"
                        + " AND c.id <> :id AND (c.priority > :priority OR (c.priority = :priority"
                        + " AND c.createdAt < :created))", Long.class)
                .setParameter("waiting", CallStatus.WAITING).setParameter("queue", call.queue())
                .setParameter("id", call.id()).setParameter("priority", call.priority())
                .setParameter("created", call.createdAt()).getSingleResult();
        int position = (int) ahead + 1;
        return new Place(call.id(), call.queue(), position,
                WaitEstimates.seconds(position, recentAnswers(call.queue(), Times.now()), Times.now()), call.version());
    }

    /**
     * The places of those of {@code calls} that wait in a queue, by call id: per queue among them one statement for
     * the order of its waiting calls and one for its recent answers, whatever the number of calls (a page of the
     * list, a registering dashboard's snapshot).
     */
    public Map<UUID, Place> of(Collection<CallLog> calls) {
        Map<String, Map<UUID, CallLog>> byQueue = new HashMap<>();
        for (CallLog call : calls) {
            if (call.status() == CallStatus.WAITING && call.queue() != null) {
                byQueue.computeIfAbsent(call.queue(), q -> new HashMap<>()).put(call.id(), call);
            }
        }
        Instant now = Times.now();
        Map<UUID, Place> places = new HashMap<>();
        byQueue.forEach((queue, wanted) -> {
            List<UUID> order = em.createQuery("SELECT c.id FROM CallLog c WHERE c.status = :waiting AND c.queue = :queue"
                            + " ORDER BY c.priority DESC, c.createdAt, c.id", UUID.class)
                    .setParameter("waiting", CallStatus.WAITING).setParameter("queue", queue).getResultList();
            List<Instant> recent = recentAnswers(queue, now);
            int found = 0;
            for (int i = 0; i < order.size() && found < wanted.size(); i++) {
                CallLog call = wanted.get(order.get(i));
                if (call != null) {
                    found++;
                    places.put(call.id(), new Place(call.id(), queue, i + 1,
                            WaitEstimates.seconds(i + 1, recent, now), call.version()));
                }
            }
        });
        return places;
    }

    /** When the queue's calls were answered lately: at most {@link WaitEstimates#HISTORY} within its window. */
    List<Instant> recentAnswers(String queue, Instant now) {
        return em.createQuery("SELECT c.answeredAt FROM CallLog c WHERE c.queue = :queue AND c.answeredAt >= :since"
                        + " ORDER BY c.answeredAt DESC", Instant.class)
                .setParameter("queue", queue).setParameter("since", now.minus(WaitEstimates.WINDOW))
                .setMaxResults(WaitEstimates.HISTORY).getResultList();
    }
}
