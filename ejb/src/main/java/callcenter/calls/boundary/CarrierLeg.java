package callcenter.calls.boundary;

import java.util.UUID;

/**
 * A CDI event fired inside the transaction that accepted an inbound carrier call or let it go missed; carrier
 * integrations observe it after the commit to answer, transfer or hang up the carrier's leg.
 *
 * @param agentId the accepting agent; null for {@link Change#MISSED}
 */
public record CarrierLeg(Change change, UUID callId, String channel, String callControlId, UUID agentId) {

    public enum Change {
        ACCEPTED, MISSED
    }
}
