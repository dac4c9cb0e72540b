package callcenter.calls.boundary;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.control.CallAccess;
import callcenter.calls.control.CallExpiry;
import callcenter.calls.control.CallFailures;
import callcenter.calls.control.CallFilter;
import callcenter.calls.control.CallSearch;
import callcenter.calls.control.CallTimeline;
import callcenter.calls.control.CallTransitions;
import callcenter.calls.control.CallerTokens;
import callcenter.calls.control.Ending;
import callcenter.calls.control.Queuing;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.calls.entity.HangupCauses;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.common.Page;
import callcenter.common.PageRequest;
import callcenter.common.Times;
import callcenter.idempotency.boundary.IdempotencyKeys;
import callcenter.idempotency.boundary.IdempotencyRecords;
import callcenter.idempotency.boundary.RequestHash;
import callcenter.platform.PhoneNumbers;

/**
 * The call log's use cases for the API and the WebSocket (api.md sections 3 and 5): starting, listing, accepting,
 * declining, ending and wrapping up calls. REST and WebSocket use the same methods, so their rules are the same.
 * Each change is one conditional UPDATE of {@link CallTransitions}, a timeline entry and its consequences
 * ({@link CallChanges}), in one transaction.
 */
@Stateless
public class CallService {

    static final String INITIATE = "calls.initiate";

    @PersistenceContext
    EntityManager em;

    @Inject
    CallTransitions transitions;

    @Inject
    CallTimeline timeline;

    @Inject
    CallChanges changes;

    @Inject
    CallSearch search;

    @Inject
    CallerTokens callerTokens;

    @Inject
    CallExpiry expiry;

    @Inject
    Queuing queuing;

    @Inject
    CallPlaces places;

    @Inject
    Event<CallDeclined> declined;

    @Inject
    IdempotencyRecords idempotency;

    @Inject
    PhoneNumbers phoneNumbers;

    @Resource
    SessionContext context;
    /** The most calls a registering dashboard gets in its {@code calls:waiting} snapshot. */
    public static final int WAITING_SNAPSHOT = 100;

    /**
     * Starts an inbound app call ({@code POST /api/calls/initiate}). With an Idempotency-Key, the key is claimed
     * (committed) before the call is created in a transaction of its own, and released again if that fails; the
     * key's fingerprint is the request as bound, so only what the request means counts, not how it was spelled.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Initiated initiate(InitiateCall request, String idempotencyKey, Actor caller) {
        String phone = phoneNumbers.normalize(request.phoneNumber(), "phoneNumber");
        String key = IdempotencyKeys.check(idempotencyKey);
        CallService self = context.getBusinessObject(CallService.class);
        if (key == null) {
            return new Initiated(withCallerToken(self.createInbound(request, phone, caller, null)), false);
        }
        String principal = caller.principalKey();
        IdempotencyRecords.Claim claim = idempotency.claim(principal, key, RequestHash.of(INITIATE, request));
        if (!claim.fresh()) {
            return new Initiated(withCallerToken(self.replay(claim.callId())), true);
        }
        CallView created;
        try {
            created = self.createInbound(request, phone, caller, key);
        } catch (RuntimeException e) {
            idempotency.release(principal, key);
            throw e;
        }
        return new Initiated(withCallerToken(created), false);
    }

    /**
     * The call creation behind {@link #initiate}, which runs without a transaction, so this one is its own; the
     * start-up's {@link CallPathsWarmUp} runs it inside a transaction it rolls back. Not for other callers.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public CallView createInbound(InitiateCall request, String phone, Actor caller, String idempotencyKey) {
        CallLog call = CallLog.inboundAppCall(UUID.randomUUID(), request.callerName().trim(), phone,
                blankToNull(request.ivrOption()), blankToNull(request.queueName()),
                caller.isClient() ? caller.id() : null, Times.now());
        queuing.queue(call, request.priority());
        transitions.create(call);
        timeline.add(call.id(), "created", JsonP.createObjectBuilder().add("direction", call.direction())
                .add("channel", call.channel()).add("by", caller.principalKey()).build());
        changes.waiting(call);
        CallView view = places.placed(call);
        if (idempotencyKey != null) {
            idempotency.complete(caller.principalKey(), idempotencyKey, 201, call.id(), null);
        }
        em.flush();
        return view;
    }

    /** The answer to a repeated initiate: the same call (its callerToken is added by {@link #initiate}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public CallView replay(UUID callId) {
        CallLog call = em.find(CallLog.class, callId);
        if (call == null) {
            throw CallCenterException.notFound("The call started with this Idempotency-Key no longer exists");
        }
        return CallView.of(call);
    }

    private InitiatedCall withCallerToken(CallView call) {
        return InitiatedCall.of(call, callerTokens.sign(call.id()));
    }

    /** {@code GET /api/calls}: the calls {@code who} may see, newest first. */
    public Page<CallView> list(CallQuery query, PageRequest page, Actor who) {
        CallFilter filter = CallFilter.parse(query.status(), query.channel(), query.agentId(), query.phoneNumber(),
                query.from(), query.to(), phone -> phoneNumbers.normalize(phone, "phoneNumber"));
        return search.find(filter, page, who).mapAll(places::placed);
    }

    /** One call, without its timeline; 404 when {@code who} may not see it. */
    public CallView get(UUID id, Actor who) {
        return places.placed(visible(id, who));
    }

    /** {@code GET /api/calls/{id}}: the call with its timeline, oldest first; 404 when {@code who} may not see it. */
    public CallWithTimeline getWithTimeline(UUID id, Actor who) {
        return CallWithTimeline.of(places.placed(visible(id, who)), timeline.of(id));
    }

    /**
     * The calls waiting for an agent, oldest first: a registering dashboard's snapshot, capped at {@link #WAITING_SNAPSHOT}
     * (a dashboard learns of the rest as they are offered; {@code GET /api/calls?status=waiting} pages them all).
     */
    public List<CallView> waiting() {
        return search.waiting(WAITING_SNAPSHOT).stream().map(CallView::of).toList();
    }

    /** The agent's own active call, if any, to hand back to a reconnecting dashboard. */
    public Optional<CallView> activeCallOf(UUID agentId) {
        return search.activeCallOf(agentId).map(CallView::of);
    }

    /** Whether a callerToken for this call is still honoured (REST and the WebSocket handshake ask). */
    public boolean callerTokenStillValid(UUID callId) {
        return callerTokens.stillValid(callId);
    }

    /**
     * An agent takes a call ({@code POST /api/calls/{id}/accept} and the WebSocket {@code call:accept}): a waiting
     * call, or a carrier call that is active with no agent yet. Exactly one accept ever wins.
     */
    public CallView accept(UUID id, Actor agent) {
        if (!agent.isUser()) {
            throw CallCenterException.forbidden("Only agents, supervisors and admins take calls");
        }
        if (!transitions.accept(id, agent.id())) {
            CallStatus status = transitions.statusOf(id).orElseThrow(() -> CallFailures.notFound(id));
            throw status == CallStatus.ACTIVE ? CallFailures.alreadyTaken(id)
                    : CallFailures.acceptRefused(transitions.fresh(id), agent);
        }
        CallLog call = transitions.fresh(id);
        timeline.add(id, "accepted", JsonP.createObjectBuilder()
                .add("agentId", agent.id().toString())
                .add("agentName", call.agent() == null ? "" : call.agent().displayName()).build());
        return changes.accepted(call);
    }

    /**
     * Hangs up a call ({@code POST /api/calls/{id}/end}, WebSocket {@code call:ended}): a waiting call becomes
     * missed, a dialing or active one ended. Allowed for the call's parties (see {@link CallAccess}). Ending a final
     * call is a 409 that changes nothing.
     */
    public CallView end(UUID id, Actor who) {
        if (who.isCaller()) {
            if (!id.equals(who.callId())) {
                throw CallCenterException.forbidden("A callerToken may end only its own call");
            }
            if (!callerTokens.stillValid(id)) {
                throw CallCenterException.unauthorized("This callerToken is no longer valid");
            }
        }
        CallLog call = transitions.end(id, current -> {
            if (!CallAccess.visible(current, who)) {
                throw CallFailures.notFound(id);
            }
            if (!CallAccess.isParty(current, who)) {
                throw CallCenterException.forbidden("Only the call's agent, a supervisor, an admin, the client that"
                        + " started it or its caller may end it");
            }
            CallStatus next = current.status().afterEnd().orElseThrow(() -> CallFailures.alreadyEnded(id));
            return new Ending(next, HangupCauses.endedBy(who, current.agentId()));
        });
        timeline.ended(call, who.principalKey(), JsonValue.EMPTY_JSON_OBJECT);
        return changes.ended(call, CarrierLeg.Change.ENDED);
    }

    /** The call's agent records the outcome of an ended call ({@code POST /api/calls/{id}/wrapup}). */
    public CallView wrapup(UUID id, Wrapup request, Actor agent) {
        String note = blankToNull(request.note());
        CallLog call = transitions.wrapUp(id, current -> {
            if (!CallAccess.visible(current, agent)) {
                throw CallFailures.notFound(id);
            }
            if (!agent.isUser() || !agent.id().equals(current.agentId())) {
                throw CallCenterException.forbidden("Only the call's agent may wrap it up");
            }
            if (!current.status().isFinal()) {
                throw CallFailures.notEnded(id, current.status());
            }
        }, request.disposition().trim(), note);
        JsonObjectBuilder data = JsonP.createObjectBuilder().add("disposition", call.disposition());
        if (note != null) {
            data.add("note", note);
        }
        timeline.add(id, "wrapup", data.build());
        return changes.wrappedUp(call);
    }

    /**
     * An agent declines an offered call (WebSocket {@code call:decline}): recorded in the timeline; the call stays
     * offered to the others, and a one-at-a-time offer moves on to the next agent.
     */
    public void decline(UUID id, Actor agent) {
        CallLog call = visible(id, agent);
        if (call.status() != CallStatus.WAITING) {
            throw CallFailures.notWaiting(id, call.status());
        }
        // One entry per agent however often it declines: a client repeating call:decline cannot grow the timeline.
        timeline.addOnce(id, "declined", JsonP.createObjectBuilder().add("agentId", agent.id().toString()).build());
        declined.fire(new CallDeclined(id, agent.id()));
    }

    /**
     * The agent's grace period passed without a reconnect: its active call ends ({@code agent_disconnected}), in a
     * transaction of its own. Conditional on the call still being active with that agent.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean endForDisconnectedAgent(UUID id, UUID agentId) {
        return expiry.endForDisconnectedAgent(id, agentId);
    }

    /** The call as it is now, if {@code who} may see it; 404 otherwise. */
    private CallLog visible(UUID id, Actor who) {
        CallLog call = transitions.fresh(id);
        if (call == null || !CallAccess.visible(call, who)) {
            throw CallFailures.notFound(id);
        }
        return call;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
