package callcenter.agents.control;

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

import callcenter.agents.boundary.PresenceService;
import callcenter.platform.Settings;

/**
 * Time-driven presence work, derived from the database on every tick so that it holds across restarts and nodes:
 * agents whose grace period passed go offline. Non-persistent timers: the bootable jar's data directory does not
 * survive a restart, and nothing here needs to (the state is in the database).
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PresenceSweeper {

    private static final Logger LOG = Logger.getLogger(PresenceSweeper.class.getName());

    @Inject
    PresenceService presence;

    @Inject
    Settings settings;

    @Inject
    AgentDisconnects disconnects;

    @PostConstruct
    void forgetOwnSockets() {
        presence.forgetNode(settings.nodeId());
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void tick() {
        List<UUID> expired;
        try {
            expired = presence.graceExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Presence sweep failed; retried on the next tick: " + e);
            return;
        }
        // One agent at a time, each in its own transaction: one that fails must not hold up the others.
        for (UUID agent : expired) {
            try {
                UUID call = presence.expire(agent);
                if (call != null) {
                    disconnects.agentGone(call, agent);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not take agent " + agent + " offline; retried on the next tick: " + e);
            }
        }
    }
}
