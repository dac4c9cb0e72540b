package callcenter.calls.boundary;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import callcenter.calls.control.CallAccess;
import callcenter.calls.control.CallEvents;
import callcenter.calls.control.CallSearch;
import callcenter.calls.control.CallTransitions;
import callcenter.calls.entity.CallLog;
import callcenter.calls.entity.CallStatus;
import callcenter.common.Actor;
import callcenter.events.Push;

/**
 * What a caller's socket, opened with its callerToken, is told at once about its call (api.md sections 5, 7 and 8):
 * that an agent answered it, that it ended meanwhile (its page was reloaded then), or its place while it waits. The
 * frames are built by the code that pushes the call's changes, so a catch-up and a push cannot differ.
 */
@Stateless
public class CallerCatchUp {

    @Inject
    CallTransitions transitions;

    @Inject
    CallPlaces places;

    @Inject
    CallSearch search;

    /**
     * The frame for a socket of {@code caller} opened at {@code openedAt}, if it is to get one: a waiting call's place
     * is not told again when a tick told the same since then (the socket heard that push itself). The call is read
     * and its place recorded as told in one transaction. The frame is ordered by the version read, like the call's
     * pushes, so that the socket drops it when a newer change reached it first.
     */
    public Optional<Push> of(UUID callId, Actor caller, Instant openedAt) {
        CallLog call = transitions.fresh(callId);
        if (call == null || !CallAccess.visible(call, caller)) {
            return Optional.empty();
        }
        if (call.status() == CallStatus.ACTIVE && call.agentId() != null) {
            return Optional.of(CallEvents.handedBack(call, places.placed(call)));
        }
        if (call.status().isFinal()) {
            return Optional.of(CallEvents.end(call).forCall(call.id(), call.version()));
        }
        return call.status() == CallStatus.WAITING
                ? places.toldOnJoin(call, openedAt).map(push -> push.forCall(call.id(), call.version()))
                : Optional.empty();
    }

    /**
     * The agent's side of the same: its own active call as the {@code call:accepted} a registering dashboard gets
     * back (api.md section 5), ordered by the call's version like the caller's frames above.
     */
    public Optional<Push> ofAgent(UUID agentId) {
        return search.activeCallOf(agentId).map(call -> CallEvents.handedBack(call, CallView.of(call)));
    }
}
