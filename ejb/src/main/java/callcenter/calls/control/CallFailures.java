package callcenter.calls.control;

import java.util.UUID;

import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.common.CallCenterException;

/** The problems a call change can answer with, named once so REST, WebSocket and carriers say the same thing. */
public final class CallFailures {

    /** The problem types of the two refusals that hold for every later accept of the call. */
    public static final String ALREADY_ENDED = "call-already-ended";
    public static final String ALREADY_TAKEN = "call-already-taken";

    private CallFailures() {
    }

    /** Also the answer for a call the actor may not see: its existence is not revealed. */
    public static CallCenterException notFound(UUID id) {
        return CallCenterException.notFound("No call " + id);
    }

    public static CallCenterException alreadyEnded(UUID id) {
        return CallCenterException.conflict(ALREADY_ENDED, "Call already ended", "Call " + id + " has already ended")
                .with("callId", id);
    }

    /**
     * Why an accept of a call that is neither waiting nor active did not win (an active one is taken: a 409 to anyone,
     * api.md section 3, and all the losers of a race need read). Another agent's call, ended or dialing, is outside
     * the agent's view: a 404 (section 1). A call nobody took that ended was waiting, in every agent's view, when
     * the agent chose to answer it: a 409, already ended.
     */
    public static CallCenterException acceptRefused(CallLog call, Actor agent) {
        if (call.agentId() != null && !CallAccess.visible(call, agent)) {
            return notFound(call.id());
        }
        return call.status().isFinal() ? alreadyEnded(call.id()) : alreadyTaken(call.id());
    }

    public static CallCenterException alreadyTaken(UUID id) {
        return CallCenterException.conflict(ALREADY_TAKEN, "Call already taken",
                "Call " + id + " was already accepted by another agent").with("callId", id);
    }

    public static CallCenterException notWaiting(UUID id, CallStatus status) {
        return CallCenterException.conflict("call-not-waiting", "Call not waiting",
                "Call " + id + " is " + status.wireName() + "; only a waiting call can be declined").with("callId", id);
    }

    public static CallCenterException notEnded(UUID id, CallStatus status) {
        return CallCenterException.conflict("call-not-ended", "Call not ended",
                "Call " + id + " is " + status.wireName() + "; wrap it up after it ended").with("callId", id);
    }

    /** Another change kept winning the race for the row: the client may simply retry. */
    public static CallCenterException busy(UUID id) {
        return CallCenterException.conflict("call-busy", "Call changing", "Call " + id
                + " kept changing while this request was handled; retry it").with("callId", id);
    }
}
