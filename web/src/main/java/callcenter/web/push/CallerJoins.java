package callcenter.web.push;

import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;

import callcenter.calls.boundary.CallPlaces;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.calls.entity.CallStatus;

/** A caller opening a socket with its callerToken: it needs no register event, and catches up on its call. */
@ApplicationScoped
public class CallerJoins {

    private static final Logger LOG = Logger.getLogger(CallerJoins.class.getName());

    @Inject
    CallService calls;

    @Inject
    CallPlaces places;

    @Inject
    SocketWriter writer;

    /** A callerToken opens a socket only while the server still honours it (until an hour after its call ended). */
    boolean mayJoin(Peer peer) {
        try {
            return calls.callerTokenStillValid(peer.callId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check a callerToken: " + e);
            return false;
        }
    }

    /**
     * {@code call:ended} as api.md section 5 shows it. Public, as every record JSON-B writes must be: Yasson cannot
     * read the accessors of a package-private one, and the frame was never sent (the reloaded caller page of an ended
     * call heard nothing).
     */
    @JsonbNillable
    public record Ended(UUID callId, String status, int durationSeconds, String hangupCause) {
    }

    /** {@code queue:position} as api.md section 7 shows it. */
    @JsonbNillable
    public record Place(UUID callId, String queue, int position, Integer estimatedWaitSeconds) {
    }

    /**
     * A caller joining a call that an agent already took learns it at once; one joining a call that ended meanwhile
     * (its page was reloaded then, api.md section 8) gets its {@code call:ended}; one joining a call that still waits
     * is told its place (else a reloaded page would show it only at the queue's next change), unless a tick told the
     * same since {@code openedAt}, the moment from which the socket receives its call's events.
     */
    void joined(Peer peer, Instant openedAt) {
        try {
            CallView call = calls.get(peer.callId, peer.actor());
            if (CallStatus.ACTIVE.wireName().equals(call.status()) && call.agent() != null) {
                writer.send(peer, Frames.of("call:accepted", call));
            } else if (CallStatus.fromWire(call.status()).map(CallStatus::isFinal).orElse(false)) {
                writer.send(peer, Frames.of("call:ended", new Ended(call.id(), call.status(),
                        call.durationSeconds() == null ? 0 : call.durationSeconds(), call.hangupCause())));
            } else if (CallStatus.WAITING.wireName().equals(call.status()) && places.tellOnJoin(call, openedAt)) {
                writer.send(peer, Frames.of("queue:position", new Place(call.id(), call.queue(), call.queuePosition(),
                        call.estimatedWaitSeconds())));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no call state for a joining caller", e);
        }
    }
}
