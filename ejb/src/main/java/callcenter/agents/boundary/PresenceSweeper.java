package callcenter.agents.boundary;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.agents.entity.SocketRegistration;
import callcenter.calls.boundary.CallService;
import callcenter.platform.Settings;
import callcenter.platform.Ticks;

/**
 * Time-driven presence work, derived from the database on every tick so that it holds across restarts and nodes:
 * agents whose grace period passed go offline, and their active call ends ({@code agent_disconnected}). A boundary:
 * like a resource, it is where a use case starts (each agent in its own transaction), only the clock calls it.
 * Non-persistent timers: the bootable jar's data directory does not survive a restart, and nothing here needs to
 * (the state is in the database).
 */
@Startup
@Singleton
@DependsOn({"Migrations", "NodeIdentity"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PresenceSweeper {

    private static final Logger LOG = Logger.getLogger(PresenceSweeper.class.getName());

    @Inject
    GracePeriods grace;

    @Resource
    TimerService timers;

    @Inject
    CallService calls;

    @Inject
    Settings settings;

    /** This node's sockets from before a crash or restart are gone; their agents' grace period starts now. */
    @PostConstruct
    void forgetOwnSockets() {
        Ticks.PRESENCE.everySecond(timers);
        int removed = forget(grace.socketsOf(settings.nodeId()));
        grace.startGraceWithoutSockets();
        if (removed > 0) {
            LOG.info("Removed " + removed + " WebSocket registrations of node " + settings.nodeId()
                    + " left from its last run");
        }
    }

    @Timeout
    void tick() {
        List<UUID> expired;
        try {
            expired = grace.expired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence sweep failed; retried on the next tick: " + e);
            return;
        }
        // One agent at a time, each in its own transaction: one that fails must not hold up the others.
        for (UUID agent : expired) {
            try {
                grace.expire(agent).ifPresent(call -> agentGone(call, agent));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not take agent " + agent + " offline; retried on the next tick: " + e);
            }
        }
    }

    // Every node runs it; two nodes forgetting the same socket is harmless (the second finds it gone).
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void forgetDeadNodes() {
        List<SocketRegistration> gone;
        try {
            gone = grace.socketsOfDeadNodes();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the sockets of dead nodes; retried in 5 s: " + e);
            return;
        }
        int removed = forget(gone);
        if (removed > 0) {
            LOG.warning("Removed " + removed + " WebSocket registrations of nodes whose heartbeat stopped more than "
                    + GracePeriods.DEAD_NODE_AFTER.toSeconds() + " s ago");
        }
    }

    /** Each socket in its own transaction under its agent's lock: one that fails must not hold up the others. */
    private int forget(List<SocketRegistration> gone) {
        int removed = 0;
        for (SocketRegistration socket : gone) {
            try {
                removed += grace.forgetSocket(socket.id(), socket.userId()) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove the socket registration " + socket.id()
                        + "; retried later: " + e);
            }
        }
        return removed;
    }

    /** Its own transaction, after the agent went offline: ending the call must not undo that. */
    private void agentGone(UUID callId, UUID agentId) {
        if (calls.endForDisconnectedAgent(callId, agentId)) {
            LOG.info("Call " + callId + " ended: its agent did not come back within the grace period");
        }
    }
}
