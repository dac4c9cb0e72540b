package callcenter.calls.boundary;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.calls.control.CallFailures;
import callcenter.calls.control.Queuing;
import callcenter.calls.control.CallTimeline;
import callcenter.calls.control.CallTransitions;
import callcenter.calls.control.Ending;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.CallCenterException;
import callcenter.common.JsonP;
import callcenter.common.Times;

/**
 * The call log as the carrier integrations ({@code callcenter.providers.*}) change it: they translate the carrier's
 * wire format into these calls. Each joins the caller's transaction; changes are the same conditional UPDATEs, with
 * the same consequences, as those of {@link CallService}. A carrier's late or repeated report never moves a call
 * backwards: a change that is no move answers false and changes nothing.
 */
@Stateless
public class CarrierCalls {

    @PersistenceContext
    EntityManager em;

    @Inject
    CallTransitions transitions;

    @Inject
    CallTimeline timeline;

    @Inject
    CallChanges changes;

    @Inject
    Queuing queuing;

    /** A carrier call arrived: stored {@code waiting} with its carrier session and offered like an app call. */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callerName,
                                   String phoneNumber, JsonObject detail) {
        return carrierInbound(channel, providerName, sessionId, null, callerName, phoneNumber, detail);
    }

    /** {@link #carrierInbound} for a carrier whose legs have a call control id (Telnyx). */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callControlId,
                                   String callerName, String phoneNumber, JsonObject detail) {
        CallLog call = CallLog.carrierCall(UUID.randomUUID(), CallLog.INBOUND, channel, CallStatus.WAITING,
                callerName, phoneNumber, null, null, providerName, sessionId, Times.now())
                .followingCallControlId(callControlId);
        queuing.queue(call, null);
        transitions.create(call);
        created(call, detail, providerName);
        CallView view = changes.waiting(call);
        em.flush();
        return view;
    }

    /**
     * An outbound carrier call, {@code dialing}: placed by an agent ({@code agentId}, who then has the call) or by
     * an API client ({@code clientId}, who may see and end it).
     */
    public CallView carrierOutbound(UUID id, String channel, String providerName, String sessionId,
                                    String phoneNumber, UUID agentId, UUID clientId, String by, JsonObject detail) {
        CallLog call = CallLog.carrierCall(id, CallLog.OUTBOUND, channel, CallStatus.DIALING, null, phoneNumber,
                agentId, clientId, providerName, sessionId, Times.now());
        transitions.create(call);
        created(call, detail, by);
        em.flush();
        em.refresh(call); // loads the agent for the views
        return changes.updated(call);
    }

    /** The carrier's session of a call that had none yet; false when the call already follows another session. */
    public boolean attachSession(UUID id, String channel, String sessionId) {
        if (transitions.attachSession(id, channel, sessionId)) {
            changes.updated(transitions.fresh(id));
            return true;
        }
        CallLog call = transitions.fresh(id);
        return call != null && channel.equals(call.channel()) && sessionId.equals(call.providerSessionId());
    }

    /** The carrier leg's call control id of a call that had none yet; false when it follows another leg. */
    public boolean attachCallControlId(UUID id, String channel, String callControlId) {
        if (transitions.attachCallControlId(id, channel, callControlId)) {
            changes.updated(transitions.fresh(id));
            return true;
        }
        CallLog call = transitions.fresh(id);
        return call != null && channel.equals(call.channel()) && callControlId.equals(call.providerCallControlId());
    }

    /** The call that follows a carrier leg (Telnyx's call_control_id), if any. */
    public Optional<CallView> byCallControlId(String callControlId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.providerCallControlId = :leg", CallLog.class)
                .setParameter("leg", callControlId).getResultStream().findFirst().map(CallView::of);
    }

    /** The 409 for a carrier command on a call that is over (api.md section 1: a state conflict). */
    public CallCenterException alreadyEnded(UUID callId) {
        return CallFailures.alreadyEnded(callId);
    }

    /** Whether the call is over ({@code ended}, {@code missed} or {@code failed}): its carrier leg should be too. */
    public boolean isFinal(CallView call) {
        return CallStatus.fromWire(call.status()).map(CallStatus::isFinal).orElse(false);
    }

    /** The call that follows a carrier session, if any. */
    public Optional<CallView> bySession(String sessionId) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.providerSessionId = :session", CallLog.class)
                .setParameter("session", sessionId).getResultStream().findFirst().map(CallView::of);
    }

    /** A call as the API shows it, without its timeline; for boundaries that already checked who may see it. */
    public Optional<CallView> view(UUID id) {
        return Optional.ofNullable(em.find(CallLog.class, id)).map(CallView::of);
    }

    /**
     * The most recent call an agent started through a carrier that is still dialing to {@code phoneNumber} and has no
     * carrier session yet: the call a browser-placed carrier call belongs to.
     */
    public Optional<CallView> pendingOutbound(String channel, UUID agentId, String phoneNumber, Instant since) {
        return em.createQuery("SELECT c FROM CallLog c WHERE c.channel = :channel AND c.agentId = :agent"
                        + " AND c.phoneNumber = :phone AND c.status = :dialing AND c.providerSessionId IS NULL"
                        + " AND c.direction = :outbound AND c.createdAt >= :since ORDER BY c.createdAt DESC", CallLog.class)
                .setParameter("channel", channel).setParameter("agent", agentId).setParameter("phone", phoneNumber)
                .setParameter("dialing", CallStatus.DIALING).setParameter("outbound", CallLog.OUTBOUND)
                .setParameter("since", since).setMaxResults(1).getResultStream().findFirst().map(CallView::of);
    }

    /** A timeline entry for something the carrier said or answered ({@code provider.*}); the status is unchanged. */
    public void carrierEvent(UUID id, String type, JsonObject data) {
        if (em.find(CallLog.class, id) != null) {
            timeline.add(id, type, data);
        }
    }

    /**
     * A command the platform sent to the carrier on its own failed (after an accept, say): the failure goes into the
     * timeline as {@code command_failed}, and a live call is pushed as {@code call:updated}. The status stays.
     */
    public void carrierCommandFailed(UUID id, JsonObject data) {
        if (!transitions.touch(id)) {
            return;
        }
        timeline.add(id, "command_failed", data);
        changes.updated(transitions.fresh(id));
    }

    /**
     * The carrier reports a call answered: {@code dialing → active}, and a {@code waiting} carrier call answered
     * before any agent accepted it becomes {@code active} with no agent (an agent may still take it); anything else
     * stays as it is, so a late answer never revives a final call.
     */
    public boolean carrierAnswered(UUID id) {
        if (!transitions.answer(id)) {
            return false;
        }
        changes.updated(transitions.fresh(id));
        return true;
    }

    /** The carrier refused to start a call: {@code dialing → failed}, with its error in the timeline. */
    public boolean carrierFailed(UUID id, String cause, JsonObject data) {
        CallLog call = transitions.end(id, current -> current.status() == CallStatus.DIALING
                ? new Ending(CallStatus.FAILED, cause) : null);
        if (call == null) {
            return false;
        }
        timeline.add(id, "failed", JsonP.createObjectBuilder(data).add("hangupCause", cause).build());
        changes.ended(call, null);
        return true;
    }

    /**
     * The carrier reports the call over: a waiting call becomes {@code missed} (duration 0), a dialing or active one
     * {@code ended} with the carrier's duration when it gives one. A final call never changes (false).
     */
    public boolean carrierEnded(UUID id, String cause, Integer carrierDurationSeconds, String by, JsonObject data) {
        CallLog call = transitions.end(id, current -> current.status().afterEnd()
                .map(next -> new Ending(next, cause, carrierDurationSeconds)).orElse(null));
        if (call == null) {
            return false;
        }
        timeline.ended(call, by, data);
        changes.ended(call, null);
        return true;
    }

    private void created(CallLog call, JsonObject detail, String by) {
        timeline.add(call.id(), "created", JsonP.createObjectBuilder(detail).add("direction", call.direction())
                .add("channel", call.channel()).add("by", by).build());
    }
}
