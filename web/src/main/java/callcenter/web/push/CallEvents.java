package callcenter.web.push;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallService;

/**
 * {@code call:accept}, {@code call:decline} and {@code call:ended}: the same boundary methods as REST, so exactly one
 * accept wins whichever way it arrives. What the change pushes comes back through the topic.
 */
@ApplicationScoped
public class CallEvents {

    @Inject
    CallService calls;

    @Inject
    SettledCalls settled;

    @Inject
    SocketWriter writer;

    /** An accept of a call this node already pushed as taken or ended is answered here, as the database would. */
    void accept(Peer peer, Envelope envelope, UUID callId) {
        Optional<SettledCalls.Settled> known = settled.of(callId);
        if (known.isPresent()) {
            writer.send(peer, (known.get() == SettledCalls.Settled.TAKEN
                    ? new ErrorFrame("call_already_taken", "Call " + callId + " was already accepted by another agent",
                    callId)
                    : new ErrorFrame("call_not_active", "Call " + callId + " has already ended", callId)).frame());
            return;
        }
        calls.accept(callId, peer.actor());
    }

    void decline(Peer peer, Envelope envelope, UUID callId) {
        calls.decline(callId, peer.actor());
    }

    void ended(Peer peer, Envelope envelope, UUID callId) {
        peer.checkOwnCall(callId);
        calls.end(callId, peer.actor());
    }
}
