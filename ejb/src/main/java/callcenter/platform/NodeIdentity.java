package callcenter.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import callcenter.common.Times;

/**
 * This node's boot: a fresh id each time the server starts, written to the {@code nodes} table with a heartbeat.
 * Work that a node claims in the database (an Idempotency-Key in progress) carries the boot id, so another node,
 * or this node after a restart, can tell at once that the claimant is gone instead of waiting for a timeout.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class NodeIdentity {

    private static final Logger LOG = Logger.getLogger(NodeIdentity.class.getName());

    /** The heartbeat period is 2 s; a boot whose heartbeat is older than this is dead. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);
    /** Long enough to see two heartbeats of a live boot with the same node id. */
    private static final Duration LIVENESS_WATCH = Duration.ofSeconds(5);

    private final UUID bootId = UUID.randomUUID();
    private volatile boolean displaced;

    @Inject
    Settings settings;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void start() {
        // A row left by this node id's previous boot (a crash, a kill -9) is replaced: the claims of that boot
        // become takeable at once. A heartbeat that still moves means a second server runs with the same node id:
        // both would then share the transaction manager's node id and recover each other's transactions, so this
        // one refuses to start.
        Instant seen = lastHeartbeat();
        if (seen != null && seen.isAfter(Times.now().minus(STALE_AFTER))) {
            // Fresh, but maybe only because that boot was killed a moment ago: watch it for two heartbeat periods.
            try {
                Thread.sleep(LIVENESS_WATCH.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Instant again = lastHeartbeat();
            if (again != null && again.isAfter(seen)) {
                String message = "Refusing to start: another server with CALLCENTER_NODE_ID=" + settings.nodeId()
                        + " is running on this database (its heartbeat moved within the last "
                        + LIVENESS_WATCH.toSeconds() + " s); give each node its own CALLCENTER_NODE_ID";
                LOG.severe(message);
                throw new IllegalStateException(message);
            }
        }
        em.createQuery("DELETE FROM NodeBoot n WHERE n.nodeId = :id").setParameter("id", settings.nodeId())
                .executeUpdate();
        em.persist(new NodeBoot(settings.nodeId(), bootId, Times.now()));
        LOG.info("Node " + settings.nodeId() + " started as boot " + bootId);
    }

    /** The last heartbeat of the running boot of this node id, read afresh (a scalar query, no cached entity). */
    private Instant lastHeartbeat() {
        return em.createQuery("SELECT n.heartbeatAt FROM NodeBoot n WHERE n.nodeId = :id", Instant.class)
                .setParameter("id", settings.nodeId())
                .getResultStream().findFirst().orElse(null);
    }

    public UUID bootId() {
        return bootId;
    }

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void heartbeat() {
        int updated = em.createQuery("UPDATE NodeBoot n SET n.heartbeatAt = :now WHERE n.bootId = :boot")
                .setParameter("now", Times.now())
                .setParameter("boot", bootId)
                .executeUpdate();
        if (updated == 0 && !displaced) {
            displaced = true;
            LOG.severe("Another server started with CALLCENTER_NODE_ID " + settings.nodeId()
                    + " and replaced this one's boot: give each node its own id");
        }
    }

    /** A clean stop: this boot's claims are released now rather than when its heartbeat goes stale. */
    @PreDestroy
    void stop() {
        try {
            em.createQuery("DELETE FROM NodeBoot n WHERE n.bootId = :boot").setParameter("boot", bootId)
                    .executeUpdate();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Could not remove this node's boot row on the way down: " + e);
        }
    }
}
