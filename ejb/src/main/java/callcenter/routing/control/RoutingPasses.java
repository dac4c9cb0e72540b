package callcenter.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.common.Times;
import callcenter.events.PushPublisher;
import callcenter.queues.boundary.QueueService;
import callcenter.queues.entity.Queue;

/**
 * The sweep's units of work, each in a transaction of its own that first locks the call's row with SKIP LOCKED:
 * when another node (or an accept) holds it, the call is left to that one and to the next tick.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RoutingPasses {

    @Inject
    CallOffers offers;

    @Inject
    OfferRounds rounds;

    @Inject
    Candidates candidates;

    @Inject
    WaitingCalls waiting;

    @Inject
    QueueService queues;

    @Inject
    RingAll ringAll;

    @Inject
    PushPublisher publisher;

    public int dropStaleOffers() {
        return waiting.dropStaleOffers();
    }

    public void timeOut(UUID callId) {
        if (offers.lockWaiting(callId)) {
            rounds.timedOut(callId);
        }
    }

    /** Answers whether an offer was made. */
    public boolean offer(UUID callId) {
        if (!offers.lockWaiting(callId)) {
            return false;
        }
        CallView call = offers.current(callId);
        return call != null && rounds.offerNext(call, true);
    }

    /**
     * After the queue's {@code overflow.afterSeconds} the call is also offered to the overflow queue's members: a
     * ring-all call at once to those who did not have it, a one-at-a-time call by widening its candidates.
     */
    public void overflow(UUID callId, String queueName) {
        if (!offers.lockWaiting(callId) || candidates.overflowedTo(callId) != null) {
            return;
        }
        Queue queue = queues.find(queueName, true);
        if (queue == null || queue.overflowQueue() == null) {
            return;
        }
        candidates.overflowed(callId, queue.overflowQueue(), Times.now());
        CallView call = offers.overflowed(callId, queue.overflowQueue());
        if (queue.strategy().oneAtATime()) {
            rounds.offerNext(call, false);
            return;
        }
        Offer offer = ringAll.widen(List.of(queue.name()), List.of(queue.overflowQueue()));
        offers.offered(callId, offer.agents()); // an offer round of its own: its timeline entry (api.md section 7)
        publisher.publish(offer.pushes(Incoming.of(call), callId, call.version()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> expiredOffers(int max) {
        return waiting.expiredOffers(Times.now(), max);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> unoffered(int max) {
        return waiting.anyFreeAgent() ? waiting.unoffered(max) : List.of();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<Queue> overflowingQueues() {
        return queues.all().stream().filter(q -> q.overflowQueue() != null).toList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<UUID> overflowDue(Queue queue, int max) {
        Instant limit = Times.now().minusSeconds(queue.overflowAfterSeconds());
        return waiting.overflowDue(queue.name(), limit, max);
    }
}
