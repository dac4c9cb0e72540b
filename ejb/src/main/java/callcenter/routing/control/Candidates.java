package callcenter.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import callcenter.common.Times;
import callcenter.common.Uuids;
import callcenter.platform.Settings;
import callcenter.routing.entity.CallOffer;

/**
 * The routing state in the database, as plain SQL over presence, memberships, skills and offers: who can be offered
 * a call now, and the offers and passes themselves. Every node reads and writes the same rows; row locks taken with
 * SKIP LOCKED and the unique keys of {@code call_offers} decide between nodes, never a JVM lock.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Candidates {

    private static final String AVAILABLE = " AND p.status = 'available' AND u.enabled = TRUE"
            + " AND EXISTS (SELECT 1 FROM agent_sockets s WHERE s.user_id = p.user_id)";

    private static final String AVAILABLE_MEMBERS = "FROM agent_presence p"
            + " JOIN queue_members m ON m.user_id = p.user_id JOIN users u ON u.id = p.user_id"
            + " WHERE m.queue_name IN (:queues)" + AVAILABLE;

    /**
     * The call's queue, and the queue it overflowed to, if it did: read in the statement that needs it. As a set
     * rather than {@code = :queue OR IN (...)}, which made PostgreSQL's cached plan read every agent's presence.
     */
    private static final String CALL_QUEUES = "m.queue_name IN (SELECT CAST(:queue AS VARCHAR(64))"
            + " UNION ALL SELECT f.queue FROM call_overflows f WHERE f.call_id = :call)";

    /** The queue's definition is still the one the caller read (see {@link #of}). */
    private static final String QUEUE_AS_READ = "EXISTS (SELECT 1 FROM queues q WHERE q.name = :queue"
            + " AND q.version = :queueVersion)";

    /** The calls of the same queue that come before this one (higher priority, or older) and wait with no offer. */
    private static final String AHEAD = "SELECT 1 FROM calls me JOIN calls a ON a.queue = me.queue"
            + " JOIN queues aq ON aq.name = a.queue WHERE me.id = :call AND a.id <> me.id AND aq.strategy <> 'skills'"
            + " AND a.status = 'waiting' AND (a.priority > me.priority"
            + " OR (a.priority = me.priority AND a.created_at < me.created_at))"
            + " AND NOT EXISTS (SELECT 1 FROM call_offers ao WHERE ao.call_id = a.id)";

    /**
     * No call ahead of this one (see {@link #AHEAD}) that the agent has not let pass: that one is the agent's first.
     * Without it, a sweep that tried the earlier call while the agent still had an offer and reached this one after
     * the agent declined gave the agent the later call. Not for {@code skills} queues, where the earlier call may need
     * skills this agent lacks. Written twice on purpose: the first, uncorrelated test runs once per statement (most
     * of the time nothing is ahead and the second is never run), the second once per candidate; as the second alone
     * it was half of the statement's time with 500 waiting calls (a cached plan, issue 16's benchmark).
     */
    private static final String NOTHING_AHEAD = " AND (NOT EXISTS (" + AHEAD + ") OR NOT EXISTS (" + AHEAD
            + " AND NOT EXISTS (SELECT 1 FROM offer_passes ax WHERE ax.call_id = a.id AND ax.agent_id = p.user_id)))";

    /** Still available with no offer of a call that waits: checked again as the agent's row is locked. */
    static final String FREE = " p.status = 'available' AND NOT EXISTS (SELECT 1 FROM call_offers o"
            + " JOIN calls c ON c.id = o.call_id WHERE o.agent_id = p.user_id AND c.status = 'waiting')";

    /**
     * The tests that rarely fail, made only on the ranked agents about to be offered the call, best first, until one
     * passes, rather than on every member of the queue: enabled, with a socket, nothing ahead for it. Each is an
     * index lookup per agent; with 100 members a queue they were half of the candidates' statement (issue 16).
     * Scalar subqueries, not {@code EXISTS}: PostgreSQL turns an {@code EXISTS} into a join and, with the few rows
     * it expects from the ranked ids, its generic plan hashed every socket (and then every user) before looking at
     * the first agent: 0.6 of the claim's 0.95 ms with 1,000 agents, growing with them. A scalar subquery stays a
     * lookup per agent tried, in the ranked order, stopping at the first that passes (0.33 ms; docs/performance.md).
     */
    static final String ELIGIBLE = " AND (SELECT u.enabled FROM users u WHERE u.id = p.user_id)"
            + " AND (SELECT TRUE FROM agent_sockets s WHERE s.user_id = p.user_id LIMIT 1)"
            + NOTHING_AHEAD;

    @PersistenceContext
    EntityManager em;

    @Inject
    Settings settings;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Whether the database is PostgreSQL (else the embedded H2, which has no data-modifying WITH). */
    private Boolean postgres;

    /**
     * The members of the call's queue (and of its overflow queue once it overflowed) who are available with no pending
     * offer and have not let this call pass, with their skills when {@code withSkills} (only the {@code skills}
     * strategy reads them): the agents to rank. Whether they are enabled, connected and have no call ahead is left to
     * {@link #claim}, which tests only the best of them. One statement: routing runs it for every offer, and the
     * skills come along as {@code name:level,...} (skill names are {@code [A-Za-z0-9_.-]}, so neither separator can
     * occur in one). Null when the queue is no longer at {@code queueVersion} (changed since the caller read it, on
     * any node, or deleted): the same statement says so, with one row and no agent, so that a cached definition
     * costs no round trip of its own ({@link QueueDefinitions}).
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> of(UUID callId, String queue, boolean withSkills, long queueVersion) {
        List<Object[]> rows = em.createNativeQuery("SELECT p.user_id, p.updated_at, MAX(m.last_offered_at),"
                        + (withSkills ? " (SELECT string_agg(k.skill || ':' || k.level, ',') FROM agent_skills k"
                        + " WHERE k.user_id = p.user_id)" : " NULL")
                        + " FROM queue_members m JOIN agent_presence p ON p.user_id = m.user_id"
                        + " WHERE " + QUEUE_AS_READ + " AND " + CALL_QUEUES + " AND" + FREE
                        + " AND NOT EXISTS (SELECT 1 FROM offer_passes x WHERE x.call_id = :call"
                        + " AND x.agent_id = p.user_id) GROUP BY p.user_id, p.updated_at"
                        + " UNION ALL SELECT NULL, NULL, NULL, NULL WHERE NOT " + QUEUE_AS_READ)
                .setParameter("queue", queue).setParameter("call", callId)
                .setParameter("queueVersion", queueVersion).getResultList();
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            if (row[0] == null) {
                return null;
            }
            candidates.add(new Candidate(Uuids.of(row[0]), Times.instant(row[1]), Times.instant(row[2]),
                    Candidate.skills((String) row[3])));
        }
        return candidates;
    }

    /**
     * How many agents are available, offers or not, and how many of them are members of {@code queues}: whether a
     * ring-all call goes to the available agents as one push or to its members one by one. Both counts from one
     * statement, so from one snapshot: read apart (the members, then a count of the available agents), an agent's
     * status changing in between made them differ, and the call went out as one push per member instead of one to the
     * available agents (1,000 messages in one transaction, seconds on a worker). Counts, not the agents' ids: the
     * usual case (every available agent a member) needs no id, and reading 1,100 rows to count them was a tenth of
     * an initiate's CPU (docs/performance.md).
     */
    public Available available(Collection<String> queues) {
        Object[] counts = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(CASE WHEN EXISTS (SELECT 1"
                        + " FROM queue_members m WHERE m.user_id = p.user_id AND m.queue_name IN (:queues)) THEN 1 ELSE 0"
                        + " END), 0) FROM agent_presence p JOIN users u ON u.id = p.user_id WHERE 1 = 1" + AVAILABLE)
                .setParameter("queues", queues).getSingleResult();
        return new Available(((Number) counts[1]).intValue(), ((Number) counts[0]).intValue());
    }

    /** How many of the available agents are members of some queues, and how many agents are available in all. */
    public record Available(int members, int agents) {

        public boolean everyoneIsAMember() {
            return members == agents;
        }
    }

    /** The available members of {@code queues}, offers or not: the audience of a ring-all call. */
    @SuppressWarnings("unchecked")
    public List<UUID> availableMembers(Collection<String> queues) {
        return Uuids.all(em.createNativeQuery("SELECT DISTINCT p.user_id " + AVAILABLE_MEMBERS)
                .setParameter("queues", queues).getResultList());
    }

    /**
     * Offers the call to the first of {@code ranked} (best first) that is still available with no pending offer and
     * whose presence row no other transaction holds (another node offering it a call): locks that row, writes the
     * offer (the unique keys are the last word) and, for a {@code round-robin} queue ({@code inTurn}), the agent's
     * turn in the call's queue and its overflow queue. Answers the agent offered the call; null when none could be.
     * On PostgreSQL that is one statement in the usual case ({@link OneStatementClaim}), which also records the
     * offer as a change of the call ({@code version}: the call's, read after its row was locked); on H2 one lock per
     * agent tried, then the writes, and the caller records the change.
     */
    public Claimed claim(List<UUID> ranked, UUID callId, long version, Instant now, Instant expires,
                                           String queue, boolean inTurn) {
        if (ranked.isEmpty()) {
            return null;
        }
        if (!postgres()) {
            for (UUID agentId : ranked) {
                if (lockEligible(agentId, callId)) {
                    offer(new CallOffer(callId, agentId, now, expires), queue, inTurn);
                    return new Claimed(agentId, false, null);
                }
            }
            return null;
        }
        Claimed claimed = OneStatementClaim.claim(em, transaction, ranked, callId, version, now, expires, queue,
                inTurn);
        if (claimed == null || claimed.recorded()) {
            return claimed;
        }
        // Rare: it still holds an offer of a call that was taken or ended meanwhile; that goes first (as in
        // lockEligible), then the offer. The row is locked by this transaction already.
        dropStaleOffers(claimed.agentId());
        offer(new CallOffer(callId, claimed.agentId(), now, expires), queue, inTurn);
        return claimed;
    }

    private boolean postgres() {
        if (postgres == null) {
            postgres = settings.postgresql();
        }
        return postgres;
    }

    /**
     * H2: locks the agent's presence row unless another transaction holds it (another node offering it a call), and
     * answers whether the agent may be offered the call now (free and {@link #ELIGIBLE}): then this transaction may
     * offer it one.
     */
    private boolean lockEligible(UUID agentId, UUID callId) {
        // One statement in the usual case: the lock, and whether the agent still has an offer of a call that was
        // taken or ended meanwhile (it no longer binds the agent, the sweep would drop it too, but it holds the
        // agent's unique key, so it goes before a new offer is written).
        List<?> free = em.createNativeQuery("SELECT (SELECT COUNT(*) FROM call_offers h WHERE h.agent_id = p.user_id)"
                        + " FROM agent_presence p WHERE p.user_id = :agent AND" + FREE + ELIGIBLE
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter("agent", agentId).setParameter("call", callId).getResultList();
        if (free.isEmpty()) {
            return false;
        }
        if (((Number) free.get(0)).longValue() > 0) {
            dropStaleOffers(agentId);
        }
        return true;
    }

    /** The agent's offers of calls that no longer wait: they bind nobody, but hold the agent's unique key. */
    private void dropStaleOffers(UUID agentId) {
        em.createNativeQuery("DELETE FROM call_offers WHERE agent_id = ? AND NOT EXISTS (SELECT 1 FROM calls c"
                        + " WHERE c.id = call_offers.call_id AND c.status = 'waiting')")
                .setParameter(1, agentId).executeUpdate();
    }

    /**
     * Records the offer (the unique keys are the last word) and, for a {@code round-robin} queue, the agent's turn in
     * the call's queue and its overflow queue. The turn is what round-robin ranks by and nothing else reads it, so
     * the other strategies skip the write (a statement less per offer).
     */
    public void offer(CallOffer offer, String queue, boolean inTurn) {
        em.persist(offer);
        em.flush();
        if (!inTurn) {
            return;
        }
        em.createNativeQuery("UPDATE queue_members SET last_offered_at = :at WHERE user_id = :user"
                        + " AND (queue_name = :queue OR queue_name IN"
                        + " (SELECT f.queue FROM call_overflows f WHERE f.call_id = :call))")
                .setParameter("at", offer.offeredAt()).setParameter("user", offer.agentId())
                .setParameter("queue", queue).setParameter("call", offer.callId()).executeUpdate();
    }

    public CallOffer pending(UUID callId) {
        return em.find(CallOffer.class, callId);
    }

    /**
     * The agent let the call pass: it is not offered it again in this round. False when the offer was gone already
     * (another transaction moved it on first): nothing is changed then.
     */
    public boolean pass(CallOffer offer, Instant now) {
        em.detach(offer);
        if (em.createNativeQuery("DELETE FROM call_offers WHERE call_id = ? AND agent_id = ?")
                .setParameter(1, offer.callId()).setParameter(2, offer.agentId()).executeUpdate() == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM offer_passes WHERE call_id = ? AND agent_id = ?")
                .setParameter(1, offer.callId()).setParameter(2, offer.agentId()).executeUpdate();
        em.createNativeQuery("INSERT INTO offer_passes (call_id, agent_id, at) VALUES (?, ?, ?)")
                .setParameter(1, offer.callId()).setParameter(2, offer.agentId()).setParameter(3, now)
                .executeUpdate();
        return true;
    }

    /** When the last agent let this call pass; null when none did. */
    public Instant lastPass(UUID callId) {
        return Times.instant(em.createNativeQuery("SELECT MAX(at) FROM offer_passes WHERE call_id = ?")
                .setParameter(1, callId).getSingleResult());
    }

    /** Everyone let the call pass a while ago: a new round may offer it to them again. */
    public void newRound(UUID callId) {
        em.createNativeQuery("DELETE FROM offer_passes WHERE call_id = ?").setParameter(1, callId).executeUpdate();
    }

    /** The overflow queue this call was widened to; null when it has not overflowed. */
    public String overflowedTo(UUID callId) {
        List<?> found = em.createNativeQuery("SELECT queue FROM call_overflows WHERE call_id = ?")
                .setParameter(1, callId).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }

    public void overflowed(UUID callId, String queue, Instant now) {
        em.createNativeQuery("INSERT INTO call_overflows (call_id, queue, at) VALUES (?, ?, ?)")
                .setParameter(1, callId).setParameter(2, queue).setParameter(3, now).executeUpdate();
    }
}
