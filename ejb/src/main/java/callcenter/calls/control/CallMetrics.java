package callcenter.calls.control;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import callcenter.calls.entity.CallStatus;

/**
 * Registers the {@value #METER} gauge, one per status ({@code callcenter_calls{status="waiting"}} in Prometheus),
 * counted in the database, so every node reports the same figures as the wallboard.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CallMetrics {

    public static final String METER = "callcenter.calls";

    /** Scrapes within this period share one query. */
    static final long MAX_AGE_SECONDS = 5;

    @PersistenceContext
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Resource
    SessionContext context;

    /** Strongly held here: the registry keeps only a weak reference to a gauge's state object. */
    private StatusCounts counts;

    @PostConstruct
    void register() {
        // The gauges are read on the management interface's threads: going through the business proxy gives the
        // query this deployment's class loader and a transaction, which a raw call on "this" would not.
        CallMetrics self = context.getBusinessObject(CallMetrics.class);
        counts = new StatusCounts(self::countByStatus, System::nanoTime, TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS));
        for (CallStatus status : CallStatus.values()) {
            // registry.gauge(...), not Gauge.builder(...).register(registry): WildFly 39's per-deployment registry
            // forwards only these methods to the exported registry; builder registrations stay invisible.
            registry.gauge(METER, Tags.of("status", status.wireName()), counts, c -> c.count(status));
        }
    }

    @PreDestroy
    void unregister() {
        // A redeployment registers new gauges; the old ones would keep calling into an undeployed bean.
        registry.find(METER).gauges().forEach(registry::remove);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<StatusCounts.Row> countByStatus() {
        return em.createQuery("SELECT c.status, COUNT(c) FROM CallLog c GROUP BY c.status", Object[].class)
                .getResultList().stream()
                .map(row -> new StatusCounts.Row((CallStatus) row[0], ((Number) row[1]).longValue()))
                .toList();
    }
}
