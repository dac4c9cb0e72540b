package callcenter.routing.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.boundary.PresenceService;
import callcenter.calls.boundary.CallView;
import callcenter.events.Audience;

/**
 * The routing strategy of api.md sections 3 and 5: a waiting call is offered to every available agent at once, and
 * the first accept wins. Each node resolves "available" against its own sockets when the offer arrives. A strategy
 * answers an {@link Offer} for a call; queues with other strategies (issue 16) choose one per call.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RingAll {

    @Inject
    PresenceService presence;

    public Offer offer(CallView call) {
        return new Offer(Audience.available(), presence.availableCount());
    }
}
