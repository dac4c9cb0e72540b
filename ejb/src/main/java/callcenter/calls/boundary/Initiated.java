package callcenter.calls.boundary;

/**
 * The outcome of initiate: the call with its callerToken, and whether it is a replay of an earlier request with the
 * same Idempotency-Key (200) rather than a new call (201).
 */
public record Initiated(InitiatedCall call, boolean replayed) {
}
