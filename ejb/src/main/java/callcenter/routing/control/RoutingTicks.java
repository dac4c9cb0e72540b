package callcenter.routing.control;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.platform.Ticks;
import callcenter.queues.entity.Queue;

/**
 * Drives routing from the database every second on every node: offers that timed out move on, calls overflow, and
 * waiting one-at-a-time calls with no offer are offered in order (highest priority, then oldest) to agents that
 * became free. Everything it needs is in the tables, so work a node left behind when it stopped is picked up by
 * any node, and after a restart by the restarted one. Non-persistent, like {@code RingTimeouts}, and for the same
 * reason; two nodes ticking at once are kept apart by row locks ({@link RoutingPasses}).
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RoutingTicks {

    private static final Logger LOG = Logger.getLogger(RoutingTicks.class.getName());

    /** Calls looked at per tick and kind of work: the rest wait for the next tick rather than make it long. */
    static final int BATCH = 200;

    @Inject
    RoutingPasses passes;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        Ticks.ROUTING.everySecond(timers);
    }

    @Timeout
    void tick() {
        try {
            passes.dropStaleOffers();
            for (UUID id : passes.expiredOffers(BATCH)) {
                guarded(() -> passes.timeOut(id));
            }
            for (Queue queue : passes.overflowingQueues()) {
                for (UUID id : passes.overflowDue(queue, BATCH)) {
                    guarded(() -> passes.overflow(id, queue.name()));
                }
            }
            for (UUID id : passes.unoffered(BATCH)) {
                guarded(() -> passes.offer(id));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Routing sweep failed; retried on the next tick: " + e);
        }
    }

    /** One call's failure (a lost race on a unique key) must not stop the others. */
    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Routing one call failed; retried on the next tick", e);
        }
    }
}
