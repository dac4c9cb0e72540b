package callcenter.calls.boundary;

/**
 * The answer to initiate: the call with its callerToken, and whether it is a replay of an earlier request with the
 * same Idempotency-Key (200) rather than a new call (201).
 */
public record Initiated(CallView call, boolean replayed) {
}
