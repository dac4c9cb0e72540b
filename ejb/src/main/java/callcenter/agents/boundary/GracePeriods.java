package callcenter.agents.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.control.Presences;
import callcenter.agents.control.Sockets;
import callcenter.agents.entity.AgentPresence;
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

    private static final Logger LOG = Logger.getLogger(GracePeriods.class.getName());

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

    /** At start: this node's sockets from before a crash or restart are gone; their agents' grace period starts now. */
    public int forgetNode(String nodeId) {
        int removed = sockets.forgetNode(nodeId);
        presences.startGraceWithoutSockets(Times.now());
        if (removed > 0) {
            LOG.info("Removed " + removed + " WebSocket registrations of node " + nodeId + " left from its last run");
        }
        return removed;
    }

    /**
     * Sockets registered on a node that died and did not come back are gone too: without this, its agents would stay
     * available for good and be offered calls nobody can answer. Their grace period starts now, as after a restart.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetDeadNodes() {
        int removed = sockets.forgetDeadNodes(Times.now().minus(DEAD_NODE_AFTER));
        if (removed > 0) {
            presences.startGraceWithoutSockets(Times.now());
            LOG.warning("Removed " + removed + " WebSocket registrations of nodes whose heartbeat stopped more than "
                    + DEAD_NODE_AFTER.toSeconds() + " s ago");
        }
        return removed;
    }

    private Instant limit() {
        return Times.now().minusSeconds(settings.presenceGraceSeconds());
    }
}
