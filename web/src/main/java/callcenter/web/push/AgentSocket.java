package callcenter.web.push;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import callcenter.auth.boundary.ActivePrincipals;
import callcenter.common.Roles;
import callcenter.web.TokenClaims;

/**
 * The WebSocket endpoint {@code /ws?access_token=<JWT>}. The token is verified here, in the handshake's
 * {@code @OnOpen}; identity and role come only from it and live in this socket's {@link Peer} (never in the
 * endpoint configuration's user properties, which all handshakes share). A bad token closes the socket with 1008,
 * and so does the token's expiry later ({@link Keepalive}) or its revocation ({@link PushDelivery#closeUser}).
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

    @OnOpen
    public void open(Session session) {
        List<String> tokens = session.getRequestParameterMap().get("access_token");
        Peer peer = tokens == null || tokens.size() != 1 ? null : authenticate(session, tokens.get(0));
        if (peer == null || (peer.isCaller() && !callers.mayJoin(peer))) {
            refuse(session, "a valid access_token is required");
            return;
        }
        session.getUserProperties().put(Peer.class.getName(), peer);
        registry.add(peer);
        if (peer.isCaller()) {
            callers.joined(peer);
        }
    }

    @OnMessage
    public void message(String text, Session session) {
        Peer peer = peer(session);
        if (peer != null) {
            events.handle(peer, text);
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
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a refused socket failed", e);
        }
    }

    private static Peer peer(Session session) {
        return (Peer) session.getUserProperties().get(Peer.class.getName());
    }
}
