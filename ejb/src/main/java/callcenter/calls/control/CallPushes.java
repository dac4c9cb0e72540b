package callcenter.calls.control;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.entity.CallLog;
import callcenter.events.Push;
import callcenter.events.PushPublisher;

/**
 * The WebSocket events of api.md section 5 that a change of a call produces, published in the change's transaction
 * and each ordered by the call's version. Where an event carries the whole call, {@code shown} is that call as its
 * clients see it (the boundary's view), passed in because this layer does not know the API's records. The events
 * themselves are {@link CallEvents}'.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallPushes {

    @Inject
    PushPublisher publisher;

    /** An agent took the call: the call to both parties, {@code call:taken} to the other agents. */
    public void accepted(CallLog call, Object shown) {
        publish(call, CallEvents.accepting(call, shown));
    }

    /** The call reached a final status: every agent and its caller learn it. */
    public void ended(CallLog call) {
        publish(call, CallEvents.ending(call));
    }

    /** Anything else that changed on a live call. */
    public void updated(CallLog call, Object shown) {
        publish(call, CallEvents.updating(call, shown));
    }

    private void publish(CallLog call, List<Push> events) {
        publisher.publish(events.stream().map(e -> e.forCall(call.id(), call.version())).toList());
    }
}
