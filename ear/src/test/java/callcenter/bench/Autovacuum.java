package callcenter.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL's autovacuum would do for the product's database, when the server the benchmark runs on has it
 * off (as the shared PostgreSQL of the development machines does): {@code VACUUM ANALYZE} every
 * {@code bench.vacuumSeconds} (60, autovacuum's default nap; 0: never). Without it the tables are never analysed,
 * and a statement's plan, which PostgreSQL keeps per connection, stays the one made for the tables as they were when
 * that connection first ran it (at start-up: empty); a production database analyses them soon after they change.
 */
final class Autovacuum implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-autovacuum");
        thread.setDaemon(true);
        return thread;
    });

    private Autovacuum() {
    }

    /** Starts now and then every {@code seconds}, unless the server's own autovacuum is on or seconds is 0. */
    static Autovacuum start(ProductServer server, int seconds) throws Exception {
        Autovacuum vacuum = new Autovacuum();
        try (Connection c = server.database(); Statement s = c.createStatement();
             ResultSet on = s.executeQuery("SHOW autovacuum")) {
            on.next();
            if (seconds <= 0 || "on".equals(on.getString(1))) {
                System.out.printf("PostgreSQL's autovacuum is %s: the benchmark runs no VACUUM of its own%n", on.getString(1));
                return vacuum;
            }
        }
        System.out.printf("PostgreSQL's autovacuum is off: the benchmark runs VACUUM ANALYZE every %d s, as it would%n", seconds);
        vacuum.timer.scheduleAtFixedRate(() -> {
            try (Connection c = server.database(); Statement s = c.createStatement()) {
                s.execute("VACUUM ANALYZE");
            } catch (Exception e) {
                System.out.println("VACUUM ANALYZE failed: " + e);
            }
        }, 0, seconds, TimeUnit.SECONDS);
        return vacuum;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
