package callcenter.web.push;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import callcenter.agents.boundary.PresenceService;
import callcenter.agents.boundary.Registration;
import callcenter.agents.entity.AgentStatus;
import callcenter.calls.boundary.CallService;
import callcenter.common.CallCenterException;
import callcenter.common.Actor;
import callcenter.events.Push;
import callcenter.calls.boundary.SignalRelay;
import callcenter.platform.Settings;

/**
 * What the server does with each client event. Every call change goes through the same boundary methods as REST
 * (one winner for {@code call:accept} whichever way it arrives); failures become {@code error} events and the
 * socket stays open.
 */
@ApplicationScoped
public class SocketCommands {

    private static final Logger LOG = Logger.getLogger(SocketCommands.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    AgentSessions sessions;

    @Inject
    PresenceService presence;

    @Inject
    CallService calls;

    @Inject
    SignalRelay relay;

    @Inject
    Settings settings;

    private volatile String nodeId;

    /** A callerToken opens a socket only while the server still honours it (until an hour after its call ended). */
    boolean callerMayJoin(Peer peer) {
        try {
            return calls.callerTokenStillValid(peer.callId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check a callerToken: " + e);
            return false;
        }
    }

    /** A caller joining a call that an agent already took learns it at once. */
    void callerJoined(Peer peer) {
        try {
            var call = calls.get(peer.callId, caller(peer));
            if ("active".equals(call.status()) && call.agent() != null) {
                sessions.send(peer, Push.frame("call:accepted", JSONB.toJson(call)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "no call state for a joining caller", e);
        }
    }

    void closed(Peer peer) {
        if (peer.registered) {
            try {
                presence.socketClosed(peer.userId, peer.socketId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not record a closed socket of " + peer.name + ": " + e);
            }
        }
    }

    void handle(Peer peer, String text) {
        Envelope envelope;
        UUID callId = null;
        try {
            envelope = Envelope.parse(text);
            if (peer.isCaller() && !envelope.event().startsWith("webrtc:") && !"call:ended".equals(envelope.event())) {
                error(peer, known(envelope.event()) ? "forbidden" : "unknown_event",
                        known(envelope.event()) ? "A caller may send only webrtc:* and call:ended for its own call"
                                : "Unknown event " + envelope.event(), null);
                return;
            }
            switch (envelope.event()) {
                case "agent:register" -> register(peer, envelope.optionalString("extension"));
                case "agent:status" -> status(peer, envelope.string("status"));
                case "call:accept" -> {
                    callId = envelope.callId();
                    calls.accept(callId, caller(peer));
                }
                case "call:decline" -> {
                    callId = envelope.callId();
                    calls.decline(callId, caller(peer));
                }
                case "call:ended" -> {
                    callId = envelope.callId();
                    ownCall(peer, callId);
                    calls.end(callId, caller(peer));
                }
                case "webrtc:offer", "webrtc:answer", "webrtc:ice" -> {
                    callId = envelope.callId();
                    JsonValue payload = envelope.data().get("webrtc:ice".equals(envelope.event()) ? "candidate" : "sdp");
                    if (payload == null || payload == JsonValue.NULL
                            || (!"webrtc:ice".equals(envelope.event()) && !(payload instanceof JsonString))) {
                        throw new Envelope.BadFrame("webrtc:ice".equals(envelope.event()) ? "\"candidate\" is required"
                                : "\"sdp\" is required");
                    }
                    ownCall(peer, callId);
                    relay.relay(callId, peer.isCaller() ? null : peer.userId, envelope.event(), envelope.data().toString());
                }
                default -> error(peer, "unknown_event", "Unknown event " + envelope.event(), null);
            }
        } catch (Envelope.BadFrame e) {
            error(peer, "bad_request", e.getMessage(), callId);
        } catch (RuntimeException e) {
            fail(peer, e, callId);
        }
    }

    private void register(Peer peer, String extension) {
        if (peer.isCaller()) {
            throw CallCenterException.forbidden("A caller does not register");
        }
        // Registered before the snapshot is read: an event committed meanwhile is pushed rather than lost (a
        // dashboard ignores a call it already shows).
        peer.registered = true;
        Registration registration;
        try {
            registration = presence.register(peer.userId, peer.socketId, nodeId(), extension);
        } catch (RuntimeException e) {
            peer.registered = false;
            throw e;
        }
        sessions.statusChanged(peer.userId, registration.self().status(), registration.version());
        sessions.send(peer, Push.frame("agents:list", JSONB.toJson(registration.agents())));
        sessions.send(peer, Push.frame("calls:waiting", JSONB.toJson(calls.waiting())));
        if (registration.activeCall() != null) {
            sessions.send(peer, Push.frame("call:accepted", JSONB.toJson(registration.activeCall())));
        }
    }

    private void status(Peer peer, String status) {
        if (!peer.registered) {
            throw new Envelope.BadFrame("send agent:register first");
        }
        presence.setStatus(peer.userId, AgentStatus.requested(status));
    }

    /** A caller socket acts only on its own call. */
    private static void ownCall(Peer peer, UUID callId) {
        if (peer.isCaller() && !callId.equals(peer.callId)) {
            throw CallCenterException.forbidden("This socket belongs to another call");
        }
    }

    private void fail(Peer peer, RuntimeException failure, UUID callId) {
        Throwable cause = failure;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof CallCenterException e) {
                error(peer, code(e), e.detail(), callId);
                return;
            }
            if (c == c.getCause()) {
                break;
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure handling a WebSocket event", failure);
        error(peer, "internal", "Something went wrong on our side", callId);
    }

    static String code(CallCenterException e) {
        return switch (e.status()) {
            case 400 -> "bad_request";
            case 401, 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "call-already-taken".equals(e.type()) ? "call_already_taken" : "call_not_active";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> "internal";
        };
    }

    private static boolean known(String event) {
        return switch (event) {
            case "agent:register", "agent:status", "call:accept", "call:decline", "call:ended",
                 "webrtc:offer", "webrtc:answer", "webrtc:ice" -> true;
            default -> false;
        };
    }

    private void error(Peer peer, String code, String message, UUID callId) {
        sessions.send(peer, Envelope.error(code, message, callId));
    }

    private static Actor caller(Peer peer) {
        return new Actor(peer.userId, peer.name, peer.role, peer.callId);
    }

    private String nodeId() {
        String id = nodeId;
        if (id == null) {
            id = settings.nodeId();
            nodeId = id;
        }
        return id;
    }
}
