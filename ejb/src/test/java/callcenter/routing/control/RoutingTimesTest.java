package callcenter.routing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RoutingTimesTest {

    /** A transaction that the test ends; what the container's registry does for the part RoutingTimes uses. */
    static final class Transaction implements TransactionSynchronizationRegistry {
        int status = Status.STATUS_ACTIVE;
        final List<Synchronization> synchronizations = new ArrayList<>();

        void end(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            synchronizations.forEach(s -> s.afterCompletion(outcome));
            synchronizations.clear();
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : this;
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Transaction transaction = new Transaction();
    private final RoutingTimes times = new RoutingTimes();

    @BeforeEach
    void setUp() {
        times.registry = registry;
        times.transaction = transaction;
        times.register();
    }

    private long routings() {
        return registry.get(RoutingTimes.METER).timer().count();
    }

    private double recentMax() {
        return registry.get(RoutingTimes.RECENT).tag("quantile", "1").gauge().value();
    }

    @Test
    void aRoutingIsRecordedWhenItsTransactionCommits() {
        times.since(System.nanoTime() - 3_000_000);
        times.published(System.nanoTime() - 4_000_000);
        assertEquals(0, routings(), "not before the commit");

        transaction.end(Status.STATUS_COMMITTED);

        assertEquals(1, routings());
        assertEquals(0.003, recentMax(), 0.002);
        assertEquals(0.004, registry.get(RoutingTimes.RECENT_PUBLISHED).tag("quantile", "1").gauge().value(), 0.002);
    }

    @Test
    void aRolledBackRoutingRoutedNothingAndIsNotRecorded() {
        times.since(System.nanoTime() - 3_000_000);
        times.published(System.nanoTime() - 4_000_000);

        transaction.end(Status.STATUS_ROLLEDBACK);

        assertEquals(0, routings());
        assertEquals(0.0, recentMax());
        assertEquals(0.0, registry.get(RoutingTimes.RECENT_PUBLISHED).tag("quantile", "1").gauge().value());
    }

    @Test
    void aRoutingInATransactionMarkedForRollbackIsNotRecorded() {
        transaction.setRollbackOnly();
        times.since(System.nanoTime() - 3_000_000);

        transaction.end(Status.STATUS_ROLLEDBACK);

        assertEquals(0, routings());
    }

    @Test
    void withoutATransactionItIsRecordedAtOnce() {
        transaction.status = Status.STATUS_NO_TRANSACTION;
        times.since(System.nanoTime() - 3_000_000);

        assertEquals(1, routings());
    }
}
