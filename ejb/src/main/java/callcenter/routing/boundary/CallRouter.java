package callcenter.routing.boundary;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallDeclined;
import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CallWaiting;
import callcenter.events.PushPublisher;
import callcenter.queues.boundary.QueueService;
import callcenter.queues.entity.Queue;
import callcenter.routing.control.Incoming;
import callcenter.routing.control.Offer;
import callcenter.routing.control.OfferRounds;
import callcenter.routing.control.RingAll;
import callcenter.routing.control.RoutingTimes;

/**
 * Offers every call that starts waiting, in the transaction that made it wait, by its queue's strategy: a ring-all
 * call to every available member at once (the {@code offered} entry right after {@code queued}); a one-at-a-time
 * call to the best free member, or later by the sweep ({@code RoutingTicks}) when none is free or a call of its queue
 * comes first. {@code call:incoming} is ordered before any later change of the same call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallRouter {

    @Inject
    RingAll ringAll;

    @Inject
    OfferRounds rounds;

    @Inject
    QueueService queues;

    @Inject
    CallOffers offers;

    @Inject
    PushPublisher publisher;

    @Inject
    RoutingTimes times;

    public void route(@Observes CallWaiting waiting) {
        CallView call = waiting.call();
        Queue queue = queues.find(call.queue() == null ? Queue.DEFAULT : call.queue(), true);
        if (queue != null && queue.strategy().oneAtATime()) {
            rounds.offerNew(call);
            return;
        }
        long start = System.nanoTime();
        rounds.withdraw(call.id()); // it may have waited in a one-at-a-time queue that was deleted
        CallView current = offers.current(call.id());
        Offer offer = ringAll.offer(List.of(current.queue() == null ? Queue.DEFAULT : current.queue()));
        offers.offered(call.id(), offer.agents());
        times.since(start); // as OfferRounds: the routing's own time ends before the pushes leave, both are recorded
        publisher.publish(offer.pushes(Incoming.of(current), current.id(), current.version()));
        times.published(start);
    }

    /** A declined one-at-a-time offer moves on at once. */
    public void declined(@Observes CallDeclined declined) {
        rounds.declined(declined.callId(), declined.agentId());
    }
}
