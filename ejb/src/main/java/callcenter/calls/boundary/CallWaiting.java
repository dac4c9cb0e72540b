package callcenter.calls.boundary;

/**
 * A CDI event fired inside the transaction in which a call became {@code waiting} (an app call was initiated, a
 * carrier call came in), right after its {@code created} timeline entry. Routing observes it to offer the call, so
 * the offer commits with the call or not at all.
 */
public record CallWaiting(CallView call) {
}
