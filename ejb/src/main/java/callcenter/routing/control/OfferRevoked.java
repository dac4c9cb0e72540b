package callcenter.routing.control;

import java.util.UUID;

/** {@code call:offer_revoked}: a one-at-a-time offer this agent did not take moved on. */
public record OfferRevoked(UUID callId) {
}
