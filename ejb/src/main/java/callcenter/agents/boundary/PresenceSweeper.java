package callcenter.agents.boundary;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.calls.boundary.CallService;
import callcenter.platform.Settings;

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

    @Inject
    CallService calls;

    @Inject
    Settings settings;

    @PostConstruct
    void forgetOwnSockets() {
        grace.forgetNode(settings.nodeId());
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
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

    // Every node runs it; two nodes deleting the same dead node's rows is the same work done twice at worst.
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void forgetDeadNodes() {
        try {
            grace.forgetDeadNodes();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove the sockets of dead nodes; retried in 5 s: " + e);
        }
    }

    /** Its own transaction, after the agent went offline: ending the call must not undo that. */
    private void agentGone(UUID callId, UUID agentId) {
        if (calls.endForDisconnectedAgent(callId, agentId)) {
            LOG.info("Call " + callId + " ended: its agent did not come back within the grace period");
        }
    }
}
