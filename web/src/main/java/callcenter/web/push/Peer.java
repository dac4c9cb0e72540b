package callcenter.web.push;

import java.time.Instant;
import java.util.UUID;

import jakarta.websocket.Session;

import callcenter.common.Actor;
import callcenter.common.CallCenterException;
import callcenter.common.Roles;

/**
 * One open socket and who holds it, taken from its verified token. A caller socket belongs to exactly one call.
 */
final class Peer {

    final Session session;
    /** Our own id for the socket, unique across nodes (the shared presence rows use it). */
    final String socketId = UUID.randomUUID().toString();
    final UUID userId;
    final String name;
    final String role;
    final UUID callId;
    /** The token's expiry: the socket is closed then, as a REST request with that token would be refused. */
    final Instant expiresAt;
    final Outbox outbox;
    /** The parts of the client message being read. */
    final Inbound inbound = new Inbound(Envelope.MAX_FRAME_BYTES);
    /** How many client events this socket may still send now. */
    final EventRate rate = new EventRate(System.nanoTime());
    volatile boolean registered;
    /** When the client last proved it is there: a pong, or any frame ({@link System#nanoTime}). */
    private volatile long heardAt = System.nanoTime();

    Peer(Session session, Actor actor, Instant expiresAt, int queueCapacity) {
        this.session = session;
        this.userId = actor.id();
        this.name = actor.name();
        this.role = actor.role();
        this.callId = actor.callId();
        this.expiresAt = expiresAt;
        this.outbox = new Outbox(queueCapacity);
    }

    void heard() {
        heardAt = System.nanoTime();
    }

    /** Whether the client has said nothing, not even a pong, for longer than {@code nanos}. */
    boolean silentFor(long nanos, long now) {
        return now - heardAt > nanos;
    }

    boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    boolean isCaller() {
        return Roles.CALLER.equals(role);
    }

    boolean isSupervisor() {
        return Roles.ADMIN.equals(role) || Roles.SUPERVISOR.equals(role);
    }

    /** Who acts when this socket sends an event: the same rules as REST apply to it. */
    Actor actor() {
        return new Actor(userId, name, role, callId);
    }

    /** A caller socket acts only on its own call. */
    void checkOwnCall(UUID call) {
        if (isCaller() && !call.equals(callId)) {
            throw CallCenterException.forbidden("This socket belongs to another call");
        }
    }
}
