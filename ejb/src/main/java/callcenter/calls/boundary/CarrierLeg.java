package callcenter.calls.boundary;

import java.util.UUID;

/**
 * A CDI event fired inside the transaction that accepted an inbound carrier call, let it go missed, or ended a call
 * on the platform's side (an agent, supervisor, client or caller hung up, or the agent's grace period passed);
 * carrier integrations observe it after the commit to answer, transfer or hang up the carrier's leg.
 *
 * @param agentId the accepting agent; null for {@link Change#MISSED} and {@link Change#ENDED}
 */
public record CarrierLeg(Change change, UUID callId, String channel, String callControlId, UUID agentId) {

    public enum Change {
        ACCEPTED, MISSED, ENDED
    }
}
