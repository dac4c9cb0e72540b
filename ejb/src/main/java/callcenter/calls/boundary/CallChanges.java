package callcenter.calls.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import callcenter.calls.control.CallExpired;
import callcenter.calls.control.CallPushes;
import callcenter.calls.control.CallTimeline;
import callcenter.calls.control.PositionPushes;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.JsonP;

/**
 * What follows a change of a call, in the change's transaction: its pushes, and the CDI events other features
 * observe (presence follows {@link AgentCallChanged}, routing {@link CallWaiting}, the carriers {@link CarrierLeg}).
 * Every boundary of this feature passes its changes here, and the changes the platform makes on its own arrive as
 * {@link CallExpired}, so each kind of change has the same consequences whichever way it came.
 */
@Dependent
public class CallChanges {

    @Inject
    CallPushes pushes;

    @Inject
    CallTimeline timeline;

    @Inject
    PositionPushes positions;

    @Inject
    Event<AgentCallChanged> agentCalls;

    @Inject
    Event<CallWaiting> waitingCalls;

    @Inject
    Event<CarrierLeg> carrierLegs;

    /** A new call waits for an agent in its queue: routing offers it before this returns. */
    CallView waiting(CallLog call) {
        if (call.queue() != null) {
            timeline.add(call.id(), "queued", JsonP.createObjectBuilder().add("queue", call.queue()).build());
            positions.queued(call.id());
        }
        CallView view = CallView.of(call);
        waitingCalls.fire(new CallWaiting(view));
        return view;
    }

    CallView accepted(CallLog call) {
        CallView view = CallView.of(call);
        pushes.accepted(call, view);
        agentCalls.fire(new AgentCallChanged(call.agentId(), call.id(), true));
        leg(call, CarrierLeg.Change.ACCEPTED);
        return view;
    }

    /** Anything else changed on a live call; a final one has nothing more to tell until its wrap-up. */
    CallView updated(CallLog call) {
        CallView view = CallView.of(call);
        if (!call.status().isFinal()) {
            pushes.updated(call, view);
        }
        return view;
    }

    /**
     * The wrap-up of an ended call: no push. api.md section 5 sends {@code call:updated} only for calls that are not
     * final, and the agent that wrapped it up has the call in the answer.
     */
    CallView wrappedUp(CallLog call) {
        return CallView.of(call);
    }

    /**
     * The call reached a final status. {@code leg}: what the carrier's leg must do now that the platform ended the
     * call ({@code ENDED}: hang up; {@code MISSED}: nobody took it); null when the carrier itself ended it.
     */
    CallView ended(CallLog call, CarrierLeg.Change leg) {
        pushes.ended(call);
        if (call.agentId() != null) {
            agentCalls.fire(new AgentCallChanged(call.agentId(), call.id(), false));
        }
        if (leg != null) {
            leg(call, leg);
        }
        return CallView.of(call);
    }

    void expired(@Observes CallExpired expired) {
        CallLog call = expired.call();
        ended(call, call.status() == CallStatus.MISSED ? CarrierLeg.Change.MISSED : CarrierLeg.Change.ENDED);
    }

    /**
     * Tells the carrier integration about a call with a carrier leg: its observers act only after the commit, so a
     * carrier command is never sent for a change that rolled back. Only an inbound leg is answered or let go; any
     * leg is hung up.
     */
    private void leg(CallLog call, CarrierLeg.Change change) {
        if (call.providerCallControlId() == null
                || (change != CarrierLeg.Change.ENDED && !CallLog.INBOUND.equals(call.direction()))) {
            return;
        }
        carrierLegs.fire(new CarrierLeg(change, call.id(), call.channel(), call.providerCallControlId(),
                change == CarrierLeg.Change.ACCEPTED ? call.agentId() : null));
    }
}
