package callcenter.agents.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.control.Presences;
import callcenter.agents.control.Sockets;
import callcenter.agents.entity.AgentPresence;
import callcenter.agents.entity.SocketRegistration;
import callcenter.calls.boundary.CallService;
import callcenter.calls.boundary.CallView;
import callcenter.common.Times;
import callcenter.platform.NodeIdentity;
import callcenter.platform.Settings;
import callcenter.users.boundary.StaffDirectory;
import callcenter.users.entity.User;

/**
 * The end of a grace period: an agent whose last socket closed and who did not come back within
 * {@code CALLCENTER_PRESENCE_GRACE_SECONDS} goes offline. Driven by {@link PresenceSweeper} on every node; the
 * database decides, so two nodes sweeping at once never both act.
 */
@Stateless
public class GracePeriods {

    @Inject
    StaffDirectory staff;

    @Inject
    Presences presences;

    @Inject
    Sockets sockets;

    @Inject
    AgentUpdates updates;

    @Inject
    CallService calls;

    @Inject
    Settings settings;

    /**
     * Longer than {@link NodeIdentity#STALE_AFTER}: a live node whose database was slow for a few seconds must not
     * lose its agents; a dead one's agents go offline within this plus the grace period.
     */
    static final Duration DEAD_NODE_AFTER = NodeIdentity.STALE_AFTER.multipliedBy(3);

    /** The agents whose grace period has passed with no socket open: candidates for {@link #expire}. */
    public List<UUID> expired() {
        return presences.graceExpired(limit());
    }

    /**
     * Takes an agent offline once its grace period has passed; checked again under the user's row lock, so two nodes
     * sweeping at once (or a reconnect in between) cannot both act. Returns the agent's active call, which the
     * sweeper ends as {@code agent_disconnected}; empty when the agent has none or did not go offline.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<UUID> expire(UUID userId) {
        // Also for a user disabled since it went away: it must still go offline (and its call end), else it would
        // stay "available" in every dashboard and come back in every sweep.
        Optional<User> user = staff.lock(userId);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        AgentPresence offline = presences.goOffline(userId, limit(), Times.now());
        if (offline == null) {
            return Optional.empty();
        }
        updates.tell(user.get(), offline);
        return calls.activeCallOf(userId).map(CallView::id);
    }

    /** At start: this node's sockets from before a crash or restart, gone with it; for {@link #forgetSocket}. */
    public List<SocketRegistration> socketsOf(String nodeId) {
        return sockets.ofNode(nodeId);
    }

    /**
     * Sockets registered on a node that died and did not come back, or stopped without closing them, are gone too:
     * without this, their agents would stay available for good and be offered calls nobody can answer. At most
     * {@link Presences#SWEEP_BATCH}, the rest in the next round; each for {@link #forgetSocket}.
     */
    public List<SocketRegistration> socketsOfDeadNodes() {
        return sockets.ofDeadNodes(Times.now().minus(DEAD_NODE_AFTER), Presences.SWEEP_BATCH);
    }

    /**
     * One socket gone with its node, removed as its close handler would have: under the agent's row lock (the order
     * {@code agent:register} and a socket's close take too), and the grace period starts now when it was the
     * agent's last. It used to be one bulk DELETE and UPDATE of every agent left without a socket, without that
     * lock: run while an agent re-registered on another node, PostgreSQL's re-check of the UPDATE could still see
     * the agent socketless and start a grace period under an agent that had just come back; the next time a socket
     * of that agent went away the same way, that old start would have made it offline at once, although it
     * reconnected within seconds (a rolling restart, issue 15). Returns whether the socket was still there.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean forgetSocket(String socketId, UUID userId) {
        staff.lock(userId);
        if (!sockets.close(socketId)) {
            return false; // its close handler, or another node's sweep, was first
        }
        if (!sockets.connected(userId)) {
            presences.lastSocketClosed(userId, Times.now());
        }
        return true;
    }

    /**
     * At start, after this node's own sockets are forgotten: an agent left with no socket and no grace period
     * running (a database from a version that lost sockets without starting one) starts it now, so that it is
     * swept rather than available for good. Harmless if it races with a registration: any later loss of the agent's
     * last socket starts the grace again ({@link #forgetSocket}, {@code PresenceService.socketClosed}).
     */
    public void startGraceWithoutSockets() {
        presences.startGraceWithoutSockets(Times.now());
    }

    private Instant limit() {
        return Times.now().minusSeconds(settings.presenceGraceSeconds());
    }
}
