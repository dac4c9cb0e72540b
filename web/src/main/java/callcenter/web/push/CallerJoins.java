package callcenter.web.push;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallerCatchUp;

/** A caller opening a socket with its callerToken: it needs no register event, and catches up on its call. */
@ApplicationScoped
public class CallerJoins {

    private static final Logger LOG = Logger.getLogger(CallerJoins.class.getName());

    @Inject
    CallService calls;

    @Inject
    CallerCatchUp catchUp;

    @Inject
    PushDelivery delivery;

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
     * A caller joining a call that an agent already took learns it at once; one joining a call that ended meanwhile
     * (its page was reloaded then, api.md section 8) gets its {@code call:ended}; one joining a call that still waits
     * is told its place (else a reloaded page would show it only at the queue's next change), unless a tick told the
     * same since {@code openedAt}, the moment from which the socket receives its call's events.
     */
    void joined(Peer peer, Instant openedAt) {
        try {
            catchUp.of(peer.callId, peer.actor(), openedAt).ifPresent(push -> delivery.catchUp(peer, push));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no call state for a joining caller", e);
        }
    }
}
