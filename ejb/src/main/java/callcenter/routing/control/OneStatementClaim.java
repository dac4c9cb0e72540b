package callcenter.routing.control;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import callcenter.common.Uuids;

/**
 * PostgreSQL: choosing the first eligible of the ranked agents, locking it, offering it the call and recording the
 * offer as a change of the call, in one statement (a data-modifying WITH). A round trip is 0.1–0.2 ms, and every one
 * is a point where a busy machine can stall the routing; a routing made six of them for this, now one (issue 16).
 */
final class OneStatementClaim {

    /**
     * From the ranked ids, in their order ({@code unnest ... WITH ORDINALITY}, {@code ORDER BY n LIMIT 1}: the plan
     * reads them in order and stops at the first that passes), the first free and {@link Candidates#ELIGIBLE} agent
     * whose presence row no other transaction holds ({@code SKIP LOCKED}); its offer ({@code ON CONFLICT (agent_id) DO
     * NOTHING}: an offer another node committed after this statement's snapshot skips the agent instead of failing
     * the transaction); for {@code round-robin} the member's turn; and, once the offer is in, the call's
     * {@code offered} timeline entry (the JSON {@code CallOffers#offeredTo} writes) and its version, counted up only
     * from the version read after the call's row was locked (else the caller counts it up and reads it again).
     */
    private static final String CLAIM = "WITH chosen AS (SELECT p.user_id, r.n,"
            + " (SELECT COUNT(*) FROM call_offers h WHERE h.agent_id = p.user_id) AS held"
            + " FROM unnest(CAST(:ranked AS uuid[])) WITH ORDINALITY AS r(agent_id, n)"
            + " JOIN agent_presence p ON p.user_id = r.agent_id WHERE" + Candidates.FREE + Candidates.ELIGIBLE
            + " ORDER BY r.n LIMIT 1 FOR UPDATE OF p SKIP LOCKED),"
            + " offer AS (INSERT INTO call_offers (call_id, agent_id, offered_at, expires_at)"
            + " SELECT :call, c.user_id, :at, :expires FROM chosen c WHERE c.held = 0"
            + " ON CONFLICT (agent_id) DO NOTHING RETURNING agent_id),"
            + " turn AS (UPDATE queue_members SET last_offered_at = :at WHERE :inTurn"
            + " AND user_id IN (SELECT agent_id FROM offer) AND queue_name IN (SELECT CAST(:queue AS VARCHAR(64))"
            + " UNION ALL SELECT f.queue FROM call_overflows f WHERE f.call_id = :call)),"
            + " entry AS (INSERT INTO call_events (call_id, event_type, recorded_at, data)"
            + " SELECT :call, 'offered', :at, '{\"agents\":1,\"agentId\":\"' || CAST(o.agent_id AS VARCHAR) || '\"}'"
            + " FROM offer o),"
            + " touched AS (UPDATE calls SET version = version + 1 WHERE id = :call AND version = :version"
            + " AND EXISTS (SELECT 1 FROM offer) RETURNING version)"
            + " SELECT user_id, held, n, (SELECT COUNT(*) FROM offer), (SELECT MAX(version) FROM touched) FROM chosen";

    /** The transaction's resource that says its plan mode is set already. */
    private static final String GENERIC_PLANS = OneStatementClaim.class.getName() + ".genericPlans";

    /** Agents tried per statement: the first is nearly always free (the candidates' statement just found it so). */
    private static final int CHUNK = 8;

    private OneStatementClaim() {
    }

    /**
     * The agent claimed, or null when none of {@code ranked} could be. {@link Claimed#recorded()}: the statement
     * wrote the offer, its entry and (unless {@code version} was not the call's) the version; false in the rare case
     * of an agent still holding an offer of a call that no longer waits (locked, nothing written: the caller drops
     * that offer and writes this one).
     */
    static Claimed claim(EntityManager em, TransactionSynchronizationRegistry transaction, List<UUID> ranked,
                         UUID callId, long version, Instant now, Instant expires, String queue, boolean inTurn) {
        genericPlans(em, transaction);
        int from = 0;
        while (from < ranked.size()) {
            List<UUID> chunk = ranked.subList(from, Math.min(ranked.size(), from + CHUNK));
            StringBuilder array = new StringBuilder("{");
            for (UUID agentId : chunk) {
                array.append(array.length() == 1 ? "" : ",").append(agentId);
            }
            List<?> chosen = em.createNativeQuery(CLAIM).setParameter("ranked", array.append('}').toString())
                    .setParameter("call", callId).setParameter("at", now).setParameter("expires", expires)
                    .setParameter("inTurn", inTurn).setParameter("queue", queue).setParameter("version", version)
                    .getResultList();
            if (chosen.isEmpty()) {
                from += chunk.size();
                continue;
            }
            Object[] row = (Object[]) chosen.get(0);
            UUID agentId = Uuids.of(row[0]);
            if (((Number) row[1]).longValue() > 0) {
                return new Claimed(agentId, false, null);
            }
            if (((Number) row[3]).longValue() > 0) {
                return new Claimed(agentId, true, row[4] == null ? null : ((Number) row[4]).longValue());
            }
            // Another node's offer to this agent committed after this statement's snapshot and before its lock: the
            // unique key turned the insert away, and the agents after it are tried.
            from += ((Number) row[2]).intValue();
        }
        return null;
    }

    /**
     * The claim with PostgreSQL's generic plan, once per transaction ({@code SET LOCAL}: until it ends). By default
     * PostgreSQL plans a prepared statement anew for its first five executions and keeps doing so when the generic
     * plan's estimate is the higher, as it is for this statement (its ranked ids are an array of unknown length): it
     * then planned every claim again, 1.4 ms of the claim's 1.9 (issue 16's benchmark; the generic plan runs it in
     * 0.3–0.5 ms). The rest of a routing transaction is lookups by key, for which the generic plan is the custom one.
     */
    private static void genericPlans(EntityManager em, TransactionSynchronizationRegistry transaction) {
        if (transaction.getResource(GENERIC_PLANS) == null) {
            em.createNativeQuery("SET LOCAL plan_cache_mode = force_generic_plan").executeUpdate();
            transaction.putResource(GENERIC_PLANS, Boolean.TRUE);
        }
    }
}
