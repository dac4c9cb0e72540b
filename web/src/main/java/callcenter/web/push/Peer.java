package callcenter.web.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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
    /** Set by a node's drain: it records this socket's close together with the others', not its close handler. */
    volatile boolean closedWithNode;
    /**
     * Presence frames that came while this socket's {@code agents:list} was being read, or null when none is: sent
     * right after the list, never before it (the list replaces the dashboard's view, so a newer change sent ahead
     * of an older snapshot would be lost). Guarded by this.
     */
    private List<Frame> heldPresence;
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

    /** From now until {@link #presenceListRead}, presence frames wait behind the agents list being read. */
    synchronized void presenceListReading() {
        heldPresence = new ArrayList<>();
    }

    /** A presence frame: sent now, or held while the agents list is being read. */
    synchronized void presence(Frame frame, Consumer<Frame> send) {
        if (heldPresence != null) {
            heldPresence.add(frame);
        } else {
            send.accept(frame);
        }
    }

    /** The agents list (null when reading it failed), then every presence frame held meanwhile, in their order. */
    synchronized void presenceListRead(Frame list, Consumer<Frame> send) {
        List<Frame> held = heldPresence;
        heldPresence = null;
        if (list != null) {
            send.accept(list);
        }
        if (held != null) {
            held.forEach(send);
        }
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
