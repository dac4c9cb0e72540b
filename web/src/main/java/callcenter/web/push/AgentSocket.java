package callcenter.web.push;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import callcenter.auth.boundary.ActivePrincipals;
import callcenter.common.Roles;
import callcenter.common.Times;
import callcenter.web.TokenClaims;

/**
 * The WebSocket endpoint {@code /ws?access_token=<JWT>}. The token is verified here, in the handshake's
 * {@code @OnOpen}; identity and role come only from it and live in this socket's {@link Peer} (never in the
 * endpoint configuration's user properties, which all handshakes share). A bad token closes the socket with 1008,
 * and so does the token's expiry later ({@link Keepalive}) or its revocation ({@link PushDelivery#closeUser}).
 * A node that is stopping closes every socket with 1012 ({@link Drain}).
 */
@ServerEndpoint("/ws")
public class AgentSocket {

    private static final Logger LOG = Logger.getLogger(AgentSocket.class.getName());

    @Inject
    JWTParser parser;

    @Inject
    ActivePrincipals principals;

    @Inject
    SocketRegistry registry;

    @Inject
    ClientEvents events;

    @Inject
    PresenceEvents presence;

    @Inject
    CallerJoins callers;

    @Inject
    @Readiness // the check's qualifier is the bean's only one
    Drain drain;

    @OnOpen
    public void open(Session session) {
        if (drain.turnAway(session)) {
            return; // between the signal and the server's suspension: go to another node (a restart, not a refusal)
        }
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        Peer peer = tokens == null || tokens.size() != 1 ? null : authenticate(session, tokens.get(0));
        if (peer == null || (peer.isCaller() && !callers.mayJoin(peer))) {
            refuse(session, "a valid access_token is required");
            return;
        }
        session.getUserProperties().put(Peer.class.getName(), peer);
        registry.add(peer);
        if (peer.isCaller()) {
            // From now on every event published for its call reaches this socket: what came before, it catches up on.
            callers.joined(peer, Times.now());
        }
        // The drain may have started after the check above and gone over the registry before this socket was in it.
        drain.opened(peer);
    }

    /**
     * One client event, taken part by part as the container reads it: a message over {@link Envelope#MAX_FRAME_BYTES}
     * closes the socket with 1009 as soon as its parts pass the limit, so it is never buffered whole (with the
     * container's own {@code maxMessageSize}, an unfinished fragmented message of 128 KiB got no close in
     * SocketLimitsIT). Text that is not UTF-8 is closed with 1007 by the container. Events over the socket's rate are dropped.
     */
    @OnMessage
    public void message(String part, boolean last, Session session) {
        Peer peer = heardFrom(session);
        if (peer == null) {
            return;
        }
        String text = peer.inbound.add(part, last);
        if (text == null) {
            closeIfTooBig(peer, session);
            return;
        }
        withinRate(peer, () -> events.handle(peer, text));
    }

    /** The answer to {@link Keepalive}'s ping: the client is still there. */
    @OnMessage
    public void pong(PongMessage pong, Session session) {
        Peer peer = peer(session);
        if (peer != null) {
            peer.heard();
        }
    }

    /**
     * Frames are JSON text (api.md section 5), so a binary message is a malformed frame: answered {@code error}
     * {@code bad_request}, the socket stays open. Taken part by part and never kept, with the text's limit (1009)
     * and rate.
     */
    @OnMessage
    public void binary(ByteBuffer part, boolean last, Session session) {
        Peer peer = heardFrom(session);
        if (peer == null) {
            return;
        }
        if (!peer.inbound.binary(part.remaining(), last)) {
            closeIfTooBig(peer, session);
            return;
        }
        withinRate(peer, () -> events.notText(peer));
    }

    /** The socket's peer, marked as heard from; null when the socket is not (or no longer) open. */
    private Peer heardFrom(Session session) {
        Peer peer = peer(session);
        if (peer == null || !session.isOpen()) {
            return null;
        }
        peer.heard();
        return peer;
    }

    private void closeIfTooBig(Peer peer, Session session) {
        if (peer.inbound.tooBig()) {
            closeWith(session, new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                    "a frame is at most " + Envelope.MAX_FRAME_BYTES + " bytes"));
        }
    }

    /** A message within the socket's event rate is handled; over it, the client is told once and the rest dropped. */
    private void withinRate(Peer peer, Runnable handling) {
        switch (peer.rate.take(System.nanoTime())) {
            case PASS -> handling.run();
            case DROP_AND_TELL -> events.rateLimited(peer);
            case DROP -> LOG.finest("dropped an event over the rate limit");
        }
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        Peer peer = peer(session);
        if (peer != null) {
            registry.remove(peer);
            peer.outbox.close();
            presence.closed(peer);
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "WebSocket error", failure);
    }

    private Peer authenticate(Session session, String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
        TokenClaims claims = TokenClaims.of(jwt);
        if (claims.role() == null || claims.subject() == null) {
            return null;
        }
        if (claims.isCaller()) {
            return new Peer(session, claims.actor(), claims.expiresAt(), SocketWriter.QUEUE_CAPACITY);
        }
        if (!Roles.isUserRole(claims.role())
                || !principals.isActive(claims.subject(), claims.role(), claims.generation())) {
            return null; // API clients have no socket; disabled users none either, nor revoked tokens
        }
        return new Peer(session, claims.actor(), claims.expiresAt(), SocketWriter.QUEUE_CAPACITY);
    }

    private static void refuse(Session session, String reason) {
        closeWith(session, new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
    }

    private static void closeWith(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a socket failed", e);
        }
    }

    private static Peer peer(Session session) {
        return (Peer) session.getUserProperties().get(Peer.class.getName());
    }
}
