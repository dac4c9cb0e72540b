package callcenter.calls.control;

import callcenter.calls.entity.CallLog;

/**
 * A CDI event fired inside the transaction in which the platform ended a call on its own: nobody accepted it in time
 * ({@code missed}) or its agent did not come back ({@code ended}). The calls boundary observes it to tell the other
 * features, as it does for the changes it makes itself; this layer may not call up to it.
 */
public record CallExpired(CallLog call) {
}
