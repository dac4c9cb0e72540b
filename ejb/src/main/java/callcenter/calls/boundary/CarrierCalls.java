package callcenter.calls.boundary;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The call log as the carrier integrations ({@code callcenter.providers.*}) change it: they translate the carrier's
 * wire format into these calls. Each joins the caller's transaction; the same conditional-UPDATE rules hold as for
 * {@link CallService}.
 */
@Stateless
public class CarrierCalls {

    @Inject
    CallService calls;

    /** A carrier call arrived: stored {@code waiting} with its carrier session and offered like an app call. */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callerName,
                                   String phoneNumber, JsonObject detail) {
        return calls.carrierInbound(channel, providerName, sessionId, callerName, phoneNumber, detail);
    }

    /** {@link #carrierInbound} for a carrier whose legs have a call control id (Telnyx). */
    public CallView carrierInbound(String channel, String providerName, String sessionId, String callControlId,
                                   String callerName, String phoneNumber, JsonObject detail) {
        return calls.carrierInbound(channel, providerName, sessionId, callControlId, callerName, phoneNumber, detail);
    }

    /**
     * An outbound carrier call, {@code dialing}: placed by an agent ({@code agentId}, who then has the call) or by
     * an API client ({@code clientId}, who may see and end it).
     */
    public CallView carrierOutbound(UUID id, String channel, String providerName, String sessionId,
                                    String phoneNumber, UUID agentId, UUID clientId, String by, JsonObject detail) {
        return calls.carrierOutbound(id, channel, providerName, sessionId, phoneNumber, agentId, clientId, by, detail);
    }

    /** The carrier's session of a call that had none yet; false when the call already follows another session. */
    public boolean attachSession(UUID id, String channel, String sessionId) {
        return calls.attachSession(id, channel, sessionId);
    }

    /** The carrier leg's call control id of a call that had none yet; false when it follows another leg. */
    public boolean attachCallControlId(UUID id, String channel, String callControlId) {
        return calls.attachCallControlId(id, channel, callControlId);
    }

    /** The call that follows a carrier leg (Telnyx's call_control_id), if any. */
    public Optional<CallView> byCallControlId(String callControlId) {
        return calls.byCallControlId(callControlId);
    }

    /** A call as the API shows it, without its timeline; for boundaries that already checked who may see it. */
    public Optional<CallView> view(UUID id) {
        return calls.view(id);
    }

    /**
     * A command the platform sent to the carrier on its own failed (after an accept, say): the failure goes into the
     * timeline as {@code command_failed}, and a live call is pushed as {@code call:updated}. The status stays.
     */
    public void carrierCommandFailed(UUID id, JsonObject data) {
        calls.carrierCommandFailed(id, data);
    }

    /** The call that follows a carrier session, if any. */
    public Optional<CallView> bySession(String sessionId) {
        return calls.bySession(sessionId);
    }

    /**
     * The most recent call an agent started through a carrier that is still dialing to {@code phoneNumber} and has no
     * carrier session yet: the call a browser-placed carrier call belongs to.
     */
    public Optional<CallView> pendingOutbound(String channel, UUID agentId, String phoneNumber, Instant since) {
        return calls.pendingOutbound(channel, agentId, phoneNumber, since);
    }

    /** A timeline entry for something the carrier said or answered ({@code provider.*}); the status is unchanged. */
    public void carrierEvent(UUID id, String type, JsonObject data) {
        calls.carrierEvent(id, type, data);
    }

    /**
     * The carrier reports a call answered: {@code dialing → active}, and a {@code waiting} carrier call answered
     * before any agent accepted it becomes {@code active} with no agent (an agent may still take it); anything else
     * stays as it is, so a late answer never revives a final call.
     */
    public boolean carrierAnswered(UUID id) {
        return calls.carrierAnswered(id);
    }

    /** The carrier refused to start a call: {@code dialing → failed}, with its error in the timeline. */
    public boolean carrierFailed(UUID id, String cause, JsonObject data) {
        return calls.carrierFailed(id, cause, data);
    }

    /**
     * The carrier reports the call over: a waiting call becomes {@code missed} (duration 0), a dialing or active one
     * {@code ended} with the carrier's duration when it gives one. A final call never changes (false).
     */
    public boolean carrierEnded(UUID id, String cause, Integer carrierDurationSeconds, String by, JsonObject data) {
        return calls.carrierEnded(id, cause, carrierDurationSeconds, by, data);
    }
}
