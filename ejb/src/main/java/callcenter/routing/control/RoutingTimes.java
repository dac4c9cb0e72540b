package callcenter.routing.control;

import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import callcenter.common.OnCommit;

/**
 * The server time of routing one call on this node (issue 16's target: p99 ≤ 5 ms with 1,000 agents in 20 queues
 * and 500 waiting calls): from choosing its agents to their offers being written, inside the routing transaction,
 * so without the commit it shares with the change that made the call route. {@value #METER} is a timer ({@code
 * _count}, {@code _sum}, {@code _max}); {@value #RECENT} holds the 0.5, 0.99 and 1 quantiles of this node's last
 * {@value #WINDOW} routings, which is what the routing benchmark reads. {@value #RECENT_PUBLISHED}: the same
 * routings until their pushes were handed to the broker as well (still in the transaction, which commits them with
 * the offers): what {@value #RECENT} measured until issue 16's fourth round, kept so that the runs stay comparable.
 * A routing is recorded when its transaction commits: one rolled back (a failed change, the start-up warm-up's
 * passes) routed no call.
 */
@ApplicationScoped
public class RoutingTimes {

    /** Prometheus: {@code callcenter_routing_seconds_{count,sum,max}}. */
    public static final String METER = "callcenter.routing";

    /** Prometheus: {@code callcenter_routing_recent_seconds{quantile="0.5|0.99|1"}}. */
    public static final String RECENT = "callcenter.routing.recent.seconds";

    /** Prometheus: {@code callcenter_routing_published_recent_seconds{quantile="0.5|0.99|1"}}. */
    public static final String RECENT_PUBLISHED = "callcenter.routing.published.recent.seconds";

    static final int WINDOW = 1024;

    @Inject
    MeterRegistry registry;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Strongly held here: the registry keeps only a weak reference to a gauge's state object. */
    private final RecentDurations recent = new RecentDurations(WINDOW);

    private final RecentDurations published = new RecentDurations(WINDOW);

    private Timer timer;

    @PostConstruct
    void register() {
        // registry.timer/gauge(...), not the builders: only these reach the exported registry (docs/operations.md).
        timer = registry.timer(METER);
        for (String quantile : new String[] {"0.5", "0.99", "1"}) {
            double q = Double.parseDouble(quantile);
            registry.gauge(RECENT, Tags.of("quantile", quantile), recent, r -> r.quantileSeconds(q));
            registry.gauge(RECENT_PUBLISHED, Tags.of("quantile", quantile), published, r -> r.quantileSeconds(q));
        }
    }

    /** Creates the bean at deployment, so the meters are on /metrics before the first routing. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Nothing to do: observing instantiates the bean, and @PostConstruct registers the meters.
    }

    @PreDestroy
    void unregister() {
        registry.find(RECENT).gauges().forEach(registry::remove);
        registry.find(RECENT_PUBLISHED).gauges().forEach(registry::remove);
    }

    /** Records one routing that started at {@code startNanos} ({@link System#nanoTime()}), once it commits. */
    public void since(long startNanos) {
        long duration = System.nanoTime() - startNanos;
        whenCommitted(() -> {
            timer.record(duration, TimeUnit.NANOSECONDS);
            recent.record(duration);
        });
    }

    /** The routing that started at {@code startNanos} has handed its pushes to the broker (or had none). */
    public void published(long startNanos) {
        long duration = System.nanoTime() - startNanos;
        whenCommitted(() -> published.record(duration));
    }

    /** Runs {@code record} after the current transaction committed; at once when there is none. */
    private void whenCommitted(Runnable record) {
        int status = transaction.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            record.run();
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for rollback: it will not commit
        }
        transaction.registerInterposedSynchronization(new OnCommit(record));
    }
}
