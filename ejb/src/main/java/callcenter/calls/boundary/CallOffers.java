package callcenter.calls.boundary;

import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.control.CallTimeline;
import callcenter.common.JsonP;

/** The call log as routing changes it: routing decides who a waiting call is offered to, the call log records it. */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CallOffers {

    @Inject
    CallTimeline timeline;

    /** The call was offered to {@code agents} agents: its {@code offered} timeline entry. */
    public void offered(UUID callId, int agents) {
        timeline.add(callId, "offered", JsonP.createObjectBuilder().add("agents", agents).build());
    }
}
