package callcenter.routing.control;

import java.time.Instant;
import java.util.HashMap;
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

    /** Skills as the candidates' statement reads them: {@code name:level,...}; none for null or empty. */
    static Map<String, Integer> skills(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> skills = new HashMap<>();
        for (String pair : encoded.split(",")) {
            int colon = pair.lastIndexOf(':');
            skills.put(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
        }
        return skills;
    }
}
