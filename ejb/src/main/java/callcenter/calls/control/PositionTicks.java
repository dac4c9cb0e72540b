package callcenter.calls.control;

import java.util.List;
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

/**
 * Every second, on every node, tells waiting callers whose place changed where they stand ({@link PositionPushes}
 * keeps it to once every two seconds per caller, across nodes). Non-persistent, like {@code RingTimeouts}.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PositionTicks {

    private static final Logger LOG = Logger.getLogger(PositionTicks.class.getName());

    /** Waiting calls looked at per tick. */
    static final int BATCH = 500;

    @Inject
    PositionPushes pushes;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        Ticks.POSITIONS.everySecond(timers);
    }

    @Timeout
    void tick() {
        try {
            List<QueuePositions.Place> changed = pushes.waiting(BATCH);
            if (!changed.isEmpty()) {
                pushes.tell(changed);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Queue position scan failed; retried on the next tick: " + e);
        }
    }
}
