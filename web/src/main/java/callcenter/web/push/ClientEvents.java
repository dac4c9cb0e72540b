package callcenter.web.push;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What the server does with each client event: one route per event of api.md section 5, to the handlers of its
 * family. Every failure becomes an {@code error} event and the socket stays open.
 */
@ApplicationScoped
public class ClientEvents {

    /** Handles one client event; {@code callId} is the call it names, read before, or null when it names none. */
    @FunctionalInterface
    interface Handler {
        void handle(Peer peer, Envelope envelope, UUID callId);
    }

    /**
     * @param forCallers whether a caller socket may send it (else only agent sockets)
     * @param aboutACall whether it names a call in {@code data.callId}, which every error it causes then carries
     */
    record Route(boolean forCallers, boolean aboutACall, Handler handler) {
    }

    @Inject
    PresenceEvents presence;

    @Inject
    CallEvents calls;

    @Inject
    SignalEvents signals;

    @Inject
    SocketWriter writer;

    private Map<String, Route> routes;

    @PostConstruct
    void route() {
        routes = routes(presence, calls, signals);
    }

    static Map<String, Route> routes(PresenceEvents presence, CallEvents calls, SignalEvents signals) {
        return Map.ofEntries(
                Map.entry("agent:register", new Route(false, false, presence::register)),
                Map.entry("agent:status", new Route(false, false, presence::status)),
                Map.entry("agent:ready", new Route(false, false, presence::ready)),
                Map.entry("call:accept", new Route(false, true, calls::accept)),
                Map.entry("call:decline", new Route(false, true, calls::decline)),
                Map.entry("call:ended", new Route(true, true, calls::ended)),
                Map.entry("webrtc:offer", new Route(true, true, signals::description)),
                Map.entry("webrtc:answer", new Route(true, true, signals::description)),
                Map.entry("webrtc:ice", new Route(true, true, signals::candidate)),
                Map.entry("webrtc:restart", new Route(true, true, signals::restart)));
    }

    void handle(Peer peer, String text) {
        UUID callId = null;
        try {
            Envelope envelope = Envelope.parse(text);
            Route route = routes.get(envelope.event());
            if (route == null) {
                error(peer, new ErrorFrame("unknown_event", "Unknown event " + envelope.event(), null));
                return;
            }
            if (peer.isCaller() && !route.forCallers()) {
                error(peer, new ErrorFrame("forbidden", "A caller may send only webrtc:* and call:ended for its own call",
                        null));
                return;
            }
            if (route.aboutACall()) {
                callId = envelope.callId();
            }
            route.handler().handle(peer, envelope, callId);
        } catch (Envelope.BadFrame e) {
            error(peer, new ErrorFrame("bad_request", e.getMessage(), callId));
        } catch (RuntimeException e) {
            error(peer, ErrorFrame.describing(e, callId));
        }
    }

    /** The answer to a binary message: the contract's frames are JSON text. */
    void notText(Peer peer) {
        error(peer, new ErrorFrame("bad_request", "frames are JSON text, not binary", null));
    }

    /** The answer to an event dropped by the socket's rate limit. */
    void rateLimited(Peer peer) {
        error(peer, new ErrorFrame("rate_limited", "Too many events: at most " + (int) EventRate.RATE
                + " a second (bursts of " + (int) EventRate.BURST + "); this one and those following it were dropped",
                null));
    }

    private void error(Peer peer, ErrorFrame error) {
        writer.send(peer, error.frame());
    }
}
