package callcenter.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.calls.boundary.CallWaiting;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.routing.control.Offer;
import callcenter.routing.control.RingAll;

/**
 * Offers every call that starts waiting, in the transaction that made it wait: the strategy decides who gets it,
 * the call log records the {@code offered} entry (right after {@code created}) and the agents get
 * {@code call:incoming}, ordered before any later change of the same call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallRouter {

    @Inject
    RingAll strategy;

    @Inject
    CallOffers offers;

    @Inject
    PushPublisher publisher;

    public void route(@Observes CallWaiting waiting) {
        CallView call = waiting.call();
        Offer offer = strategy.offer(call);
        offers.offered(call.id(), offer.agents());
        publisher.publish(Push.of("call:incoming", Incoming.of(call), offer.audience())
                .forCall(call.id(), call.version()));
    }
}
