package callcenter.routing.control;

import java.util.UUID;

/**
 * An agent claimed for a call (see {@link Candidates#claim}).
 *
 * @param recorded its offer, the call's {@code offered} entry and the call's version change are written (PostgreSQL's
 *                 one statement); false: only the offer is, the caller records the change
 * @param version  the call's version after the change; null when the claim did not count it up (the call was no
 *                 longer at the version given: the caller counts it up and reads it again)
 */
public record Claimed(UUID agentId, boolean recorded, Long version) {
}
