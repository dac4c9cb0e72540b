package callcenter.routing.control;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An available member of a call's queues with no pending offer, as the policies see it.
 *
 * @param idleSince     when its presence last changed (the end of its last call, or when it became available)
 * @param lastOfferedAt when one of these queues last offered it a call; null: never
 * @param skills        its skills and levels
 */
public record Candidate(UUID agentId, Instant idleSince, Instant lastOfferedAt, Map<String, Integer> skills) {
}
