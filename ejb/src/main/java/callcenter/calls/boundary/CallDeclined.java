package callcenter.calls.boundary;

import java.util.UUID;

/** Fired inside the transaction of an agent's {@code call:decline}: routing moves a one-at-a-time offer on. */
public record CallDeclined(UUID callId, UUID agentId) {
}
