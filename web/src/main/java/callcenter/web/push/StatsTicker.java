package callcenter.web.push;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import callcenter.events.Audience;
import callcenter.events.Push;
import callcenter.platform.Ticks;
import callcenter.stats.boundary.StatsService;

/**
 * {@code stats:updated} for the supervisors and admins connected to this node, at most once a second: each tick
 * recomputes the figures from the database and pushes them when they differ from the last push. Every node does
 * this for its own sockets only, instead of publishing through the topic, so N nodes never send N copies; the
 * figures are the same everywhere because they come from the shared database. Nothing is computed while no
 * supervisor is connected here.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StatsTicker {

    private static final Logger LOG = Logger.getLogger(StatsTicker.class.getName());

    @Inject
    SocketRegistry registry;

    @Inject
    PushDelivery delivery;

    @Inject
    StatsService stats;

    private volatile String lastPushed;

    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        Ticks.STATS.everySecond(timers);
    }

    @Timeout
    void tick() {
        if (!registry.anySupervisor()) {
            lastPushed = null; // the next supervisor to connect gets the figures on the first tick
            return;
        }
        try {
            Push event = Push.of("stats:updated", stats.current(), Audience.supervisors());
            if (!event.data().equals(lastPushed)) {
                lastPushed = event.data();
                delivery.deliver(event);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not compute the wallboard figures; retried on the next tick: " + e);
        }
    }
}
