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

    private final UUID bootId = UUID.randomUUID();
    private volatile boolean displaced;

    @Inject
    Settings settings;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void start() {
        Instant now = Times.now();
        // A row left by this node id's previous boot (a crash, a kill -9) is replaced: the claims of that boot
        // become takeable at once. A fresh heartbeat there means a second server runs with the same node id.
        Object[] previous = em.createQuery("SELECT n.heartbeatAt, n.bootId FROM NodeBoot n WHERE n.nodeId = :id",
                        Object[].class)
                .setParameter("id", settings.nodeId())
                .getResultStream().findFirst().orElse(null);
        if (previous != null && ((Instant) previous[0]).isAfter(now.minus(Duration.ofSeconds(3)))) {
            LOG.warning("Node id " + settings.nodeId() + " had a heartbeat "
                    + Duration.between((Instant) previous[0], now).toMillis() + " ms ago: if another server runs"
                    + " with this CALLCENTER_NODE_ID, give each node its own");
        }
        em.createQuery("DELETE FROM NodeBoot n WHERE n.nodeId = :id").setParameter("id", settings.nodeId())
                .executeUpdate();
        em.persist(new NodeBoot(settings.nodeId(), bootId, now));
        LOG.info("Node " + settings.nodeId() + " started as boot " + bootId);
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
