package callcenter.web.push;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import callcenter.calls.boundary.SignalRelay;

/**
 * {@code webrtc:offer}, {@code webrtc:answer}, {@code webrtc:ice} and {@code webrtc:restart}: relayed as sent, only between a call's caller
 * and its agent, through the topic (the two may be connected to different nodes).
 */
@ApplicationScoped
public class SignalEvents {

    @Inject
    SignalRelay relay;

    /** An offer or an answer carries an {@code sdp} string. */
    void description(Peer peer, Envelope envelope, UUID callId) {
        if (!(envelope.data().get("sdp") instanceof JsonString)) {
            throw new Envelope.BadFrame("\"sdp\" is required");
        }
        relay(peer, envelope, callId);
    }

    /** A candidate is relayed whatever its JSON shape (browsers send an object). */
    void candidate(Peer peer, Envelope envelope, UUID callId) {
        JsonValue candidate = envelope.data().get("candidate");
        if (candidate == null || candidate == JsonValue.NULL) {
            throw new Envelope.BadFrame("\"candidate\" is required");
        }
        relay(peer, envelope, callId);
    }

    /**
     * {@code webrtc:restart} {@code {"callId"}} (api.md section 8): either party asks the other to renegotiate, after
     * a reload or a network drop; relayed as sent.
     */
    void restart(Peer peer, Envelope envelope, UUID callId) {
        relay(peer, envelope, callId);
    }

    private void relay(Peer peer, Envelope envelope, UUID callId) {
        peer.checkOwnCall(callId);
        relay.relay(callId, peer.isCaller() ? null : peer.userId, envelope.event(), envelope.data().toString());
    }
}
