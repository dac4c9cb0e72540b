package callcenter.calls.boundary;

/**
 * {@code POST /api/calls/initiate} as the web layer bound and checked it; the phone number as sent (it is
 * normalized here), the rest not yet trimmed; {@code priority} null when not sent. Its JSON-B form is the request's Idempotency-Key fingerprint.
 */
public record InitiateCall(String callerName, String phoneNumber, String ivrOption, String queueName,
                           Integer priority) {
}
