package callcenter.calls.boundary;

import java.util.UUID;

/**
 * A CDI event fired inside the transaction in which an agent took a call ({@code onCall} true) or its call reached a
 * final status ({@code onCall} false). Presence observes it to show the agent busy, or available again, in the same
 * transaction as the call change, so the two never disagree after a commit or a rollback.
 */
public record AgentCallChanged(UUID agentId, UUID callId, boolean onCall) {
}
