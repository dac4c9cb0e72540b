package callcenter.routing.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.boundary.PresenceService;
import callcenter.calls.boundary.CallOffers;
import callcenter.calls.boundary.CallView;
import callcenter.common.Times;
import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.events.PushPublisher;
import callcenter.queues.entity.Strategy;
import callcenter.routing.entity.CallOffer;

/**
 * One-at-a-time offers (api.md section 7: {@code longest-idle}, {@code round-robin}, {@code skills}): offering a call
 * to the best free member, and moving on when the member declines or lets the offer time out. Every method runs in
 * the caller's transaction with the call's row locked (or new), so two nodes never route one call at once; the
 * agent's row is locked with SKIP LOCKED, so they never offer one agent two calls either.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class OfferRounds {

    @Inject
    Candidates candidates;

    @Inject
    WaitingCalls waiting;

    @Inject
    QueueDefinitions definitions;

    @Inject
    CallOffers offers;

    @Inject
    PushPublisher publisher;

    @Inject
    PresenceService presence;

    @Inject
    RoutingTimes times;

    /**
     * Offers the call to the best free member of its queues (and of its overflow queue once it overflowed), unless
     * it has a pending offer. {@code newRoundAllowed}: when everyone let it pass longer than the offer timeout ago,
     * start again with them. Answers whether an offer was made. The call's row is locked by this transaction and
     * {@code call} was read after the lock.
     */
    public boolean offerNext(CallView call, boolean newRoundAllowed) {
        long start = System.nanoTime();
        Push offered = next(call, newRoundAllowed, true);
        publishTimed(start, offered == null ? List.of() : List.of(offered));
        return offered != null;
    }

    /**
     * Sends a routing's pushes, which the transaction commits with its offers (nothing committed goes unsent, nothing
     * sent is uncommitted): the routing's time ({@link RoutingTimes#since}) ends before the send, its time with the
     * send ({@link RoutingTimes#published}) after it. A routing that failed is not timed.
     */
    private void publishTimed(long start, List<Push> pushes) {
        times.since(start);
        publisher.publish(pushes);
        times.published(start);
    }

    /** The {@code call:incoming} of the offer made, or null when none was made. */
    private Push next(CallView call, boolean newRoundAllowed, boolean mayHaveOffer) {
        QueueDefinitions.Definition queue = call.queue() == null ? null : definitions.of(call.queue());
        if (queue == null || !queue.strategy().oneAtATime() || (mayHaveOffer && candidates.pending(call.id()) != null)) {
            return null;
        }
        List<Candidate> found = candidates.of(call.id(), queue.name(), queue.strategy() == Strategy.SKILLS,
                queue.version());
        if (found == null) {
            // The queue changed since this node read it (here or on another node): as the database has it now.
            queue = definitions.reread(call.queue());
            found = queue == null || !queue.strategy().oneAtATime() ? null : candidates.of(call.id(), queue.name(),
                    queue.strategy() == Strategy.SKILLS, queue.version());
            if (found == null) {
                return null; // not one at a time any more, gone, or changed again meanwhile: the sweep tries again
            }
        }
        Instant now = Times.now();
        int steps = Policies.relaxSteps(Instant.parse(call.createdAt()), now, queue.relaxAfterSeconds());
        Instant expires = now.plusSeconds(queue.offerTimeoutSeconds());
        boolean inTurn = queue.strategy() == Strategy.ROUND_ROBIN;
        Claimed claimed = candidates.claim(ids(Policies.rank(queue.strategy(), found, queue.requiredSkills(), steps)),
                call.id(), call.version(), now, expires, queue.name(), inTurn);
        if (claimed == null && newRoundAllowed) {
            Instant lastPass = candidates.lastPass(call.id());
            if (lastPass != null && !lastPass.plusSeconds(queue.offerTimeoutSeconds()).isAfter(now)) {
                candidates.newRound(call.id());
                found = candidates.of(call.id(), queue.name(), queue.strategy() == Strategy.SKILLS, queue.version());
                claimed = found == null ? null : candidates.claim(ids(Policies.rank(queue.strategy(), found,
                        queue.requiredSkills(), steps)), call.id(), call.version(), now, expires, queue.name(), inTurn);
            }
        }
        if (claimed == null) {
            return null;
        }
        // On PostgreSQL the claim wrote the offer's entry and version too (usually); else they are written here.
        CallView offered = claimed.recorded() ? offers.offeredInClaim(call, claimed.version())
                : offers.offeredTo(call, claimed.agentId());
        return Push.of("call:incoming", Incoming.of(offered), Audience.user(claimed.agentId()))
                .forCall(call.id(), offered.version());
    }

    private static List<UUID> ids(List<Candidate> ranked) {
        List<UUID> ids = new ArrayList<>(ranked.size());
        for (Candidate candidate : ranked) {
            ids.add(candidate.agentId());
        }
        return ids;
    }

    /**
     * A new call of a one-at-a-time queue, in the transaction that created it: offered now unless a call of its queue
     * comes before it (that one gets the next free agent; the sweep offers this one in its turn).
     */
    public void offerNew(CallView call) {
        long start = System.nanoTime();
        Push offered = waiting.anyAhead(call.id(), call.queue(), call.priority(), Instant.parse(call.createdAt()))
                ? null : next(call, false, true);
        publishTimed(start, offered == null ? List.of() : List.of(offered));
    }

    /** The agent declined the call it was offered: the offer moves on at once. */
    public void declined(UUID callId, UUID agentId) {
        CallOffer offer = candidates.pending(callId);
        if (offer == null || !offer.agentId().equals(agentId)) {
            return;
        }
        CallView call = offers.lockedWaiting(callId);
        if (call == null || !candidates.pass(offer, Times.now())) {
            return; // it was taken, ended, or the offer moved on (timed out) while this waited for the row
        }
        presence.offerAnswered(agentId);
        moveOn(call, agentId);
    }

    /**
     * The call's offer expired: {@code offer_timeout}, and on to the next member. The call's row is locked. The
     * agent's second missed offer in a row sets it away as unresponsive (api.md section 8), before the offer is
     * dropped: its presence row is locked first, as {@link Candidates#claim} does, so a node offering it another
     * call meanwhile skips it rather than wait on this transaction.
     */
    public void timedOut(UUID callId) {
        CallOffer offer = candidates.pending(callId);
        if (offer == null || offer.expiresAt().isAfter(Times.now())) {
            return;
        }
        presence.offerMissed(offer.agentId());
        if (candidates.pass(offer, Times.now())) {
            moveOn(offers.offerTimedOut(callId, offer.agentId()), offer.agentId());
        }
    }

    /**
     * The agent let the call pass: the call goes to the next free member at once. The revocation and the new offer
     * are one change of the call (one version) and leave in one send, the revocation first.
     */
    private void moveOn(CallView call, UUID passedBy) {
        long start = System.nanoTime();
        Push offered = next(call, false, false);
        publishTimed(start, offered == null ? List.of(revocation(call.id(), offers.touch(call).version(), passedBy))
                : List.of(revocation(call.id(), offered.sequence(), passedBy), offered));
    }

    /** The call no longer routes one at a time (its queue was deleted): a pending offer is withdrawn. */
    public void withdraw(UUID callId) {
        CallOffer offer = candidates.pending(callId);
        if (offer != null && candidates.pass(offer, Times.now())) {
            publisher.publish(revocation(callId, offers.touch(callId).version(), offer.agentId()));
        }
    }

    private static Push revocation(UUID callId, long version, UUID agentId) {
        return Push.of("call:offer_revoked", new OfferRevoked(callId), Audience.user(agentId))
                .forCall(callId, version);
    }
}
