package callcenter.web.push;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallService;
import callcenter.web.AcceptRace;

/**
 * {@code call:accept}, {@code call:decline} and {@code call:ended}: the same boundary methods as REST, so exactly one
 * accept wins whichever way it arrives. What the change pushes comes back through the topic.
 */
@ApplicationScoped
public class CallEvents {

    @Inject
    CallService calls;

    @Inject
    AcceptRace race;

    @Inject
    SocketWriter writer;

    /**
     * Refused without a transaction when this node knows the call is taken or ended, and without holding a request
     * thread while another accept of the call is decided ({@link AcceptRace}): such a refusal is answered later.
     */
    void accept(Peer peer, Envelope envelope, UUID callId) {
        race.accept(callId, peer.actor(), refused -> writer.send(peer, ErrorFrame.describing(refused, callId).frame()));
    }

    void decline(Peer peer, Envelope envelope, UUID callId) {
        calls.decline(callId, peer.actor());
    }

    void ended(Peer peer, Envelope envelope, UUID callId) {
        peer.checkOwnCall(callId);
        calls.end(callId, peer.actor());
    }
}
