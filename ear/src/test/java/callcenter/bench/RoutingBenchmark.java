package callcenter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routing benchmark of issue 16 (docs/performance.md): the server time of routing one call of a one-at-a-time
 * queue with N agents in Q queues and W waiting calls, on a freshly started bootable jar and PostgreSQL.
 *
 * <p>Set-up: Q queues through the API (longest-idle, round-robin and skills in turn; skills queues require
 * {@code lang} 2, so agents at level 1 are passed over), N agents inserted with JDBC as the fan-out benchmark does,
 * each a member of two queues with a {@code lang} skill of 1 to 5, all connected and registered over WebSocket.
 * Then W calls are initiated (each routed to a free member at once: W waiting calls with an offer each, N - W agents
 * free). Then the benchmark declines offers at a steady rate, a random pending one at a time: every decline makes
 * the server route that call again, to the next free member (api.md section 7), so the system stays at W waiting
 * calls. After a warm-up of D declines, D more are measured.
 *
 * <p>What it prints: the server's own figure, {@code callcenter_routing_recent_seconds} (quantiles of the node's
 * last 1,024 routings; the measured phase routes more than that, so they are all of it) and the mean from the
 * {@code callcenter_routing_seconds} timer over the measured phase, and the quantiles of the same routings until
 * their pushes were handed to the broker ({@code callcenter_routing_published_recent_seconds}); beside it, seen from
 * outside, the time from sending {@code call:decline} to the next agent's {@code call:incoming} of the same call, which adds the commit,
 * the broker and both sockets. Settings: bench.agents (1000), bench.queues (20), bench.waiting (500),
 * bench.declines (2000), bench.rate (20 declines/s), bench.vacuumSeconds (60, {@link Autovacuum}), bench.port, bench.jar, bench.serverOptions, bench.db.* (bench.db.name: callcenter_bench).
 */
public final class RoutingBenchmark {

    /** The figures of one run; times in nanoseconds (sorted), server quantiles in seconds. */
    public record Result(int agents, int queues, int waiting, long routings, double serverP50, double serverP99,
                         double serverMax, double serverMeanSeconds, double[] published, long[] declineToOffer, int unanswered,
                         double cpuSeconds, double restCores, double phaseSeconds) {
    }

    private static final String[] STRATEGIES = {"longest-idle", "round-robin", "skills"};

    private final Properties settings;
    private final int agents;
    private final int queues;
    private final int waiting;
    private final int declines;
    private final int rate;

    public RoutingBenchmark(Properties settings) {
        this.settings = settings;
        this.agents = integer("bench.agents", 1000);
        this.queues = integer("bench.queues", 20);
        this.waiting = integer("bench.waiting", 500);
        this.declines = integer("bench.declines", 2000);
        this.rate = integer("bench.rate", 20);
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            new RoutingBenchmark(System.getProperties()).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    public Result run() throws Exception {
        System.out.printf("machine: %d cores; load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        ProductServer server = new ProductServer("product", integer("bench.port", 18880),
                settings.getProperty("bench.jar", "target/callcenter-bootable.jar"), settings.getProperty("bench.serverOptions", ""),
                settings.getProperty("bench.db.host", "127.0.0.1:5432"), settings.getProperty("bench.db.admin.user", "postgres"));
        try {
            System.out.printf("=== routing (log %s)%n", server.work.resolve("server.log"));
            double ready = server.start();
            System.out.printf("ready in %.1f s%n", ready);
            Result result = measure(server);
            print(result);
            System.out.printf("load average %s after the run%n", loadAverage());
            return result;
        } finally {
            server.stop();
        }
    }

    private Result measure(ProductServer server) throws Exception {
        String admin = server.adminToken();
        for (int q = 0; q < queues; q++) {
            String strategy = STRATEGIES[q % STRATEGIES.length];
            String skills = "skills".equals(strategy) ? "{\"lang\":2}" : "{}";
            var created = server.post("api/queues", "{\"name\":\"" + queue(q) + "\",\"displayName\":\"Routing " + q
                    + "\",\"strategy\":\"" + strategy + "\",\"requiredSkills\":" + skills
                    + ",\"offerTimeoutSeconds\":3600,\"maxWaitSeconds\":86400,\"relaxAfterSeconds\":86400}", admin);
            if (created.statusCode() != 201) {
                throw new IllegalStateException("creating a queue answered " + created.statusCode() + ": " + created.body());
            }
        }
        List<String> tokens = server.agents(agents);
        joinQueues(server);

        Map<String, Agents.Agent> offeredTo = new ConcurrentHashMap<>();
        Map<String, Long> declinedAt = new ConcurrentHashMap<>();
        List<Long> declineToOffer = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        List<Agents.Agent> connected = Agents.connect(Wire.PRODUCT, server.port, tokens, true, (agent, event, frame) -> {
            if ("call:incoming".equals(event)) {
                String callId = FanOutBenchmark.member(frame, "callId");
                offeredTo.put(callId, agent);
                Long sent = declinedAt.remove(callId);
                if (sent != null) {
                    declineToOffer.add(System.nanoTime() - sent);
                }
            }
        });
        System.out.printf("%d agents connected and registered in %.1f s%n", agents, (System.nanoTime() - t0) / 1e9);

        String client = server.clientToken();
        long interval = TimeUnit.SECONDS.toNanos(1) / 50;
        for (int i = 0; i < waiting; i++) {
            LockSupport.parkNanos(interval);
            server.initiate("{\"callerName\":\"Routing " + i + "\",\"phoneNumber\":\"+254722" + String.format("%06d", i)
                    + "\",\"queueName\":\"" + queue(i % queues) + "\"}", client);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (offeredTo.size() < waiting && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.printf("%d calls waiting, %d of them offered%n", waiting, offeredTo.size());
        try (Autovacuum vacuum = Autovacuum.start(server, integer("bench.vacuumSeconds", 60))) {
            return measure(server, offeredTo, declinedAt, declineToOffer, connected);
        }
    }

    private Result measure(ProductServer server, Map<String, Agents.Agent> offeredTo, Map<String, Long> declinedAt,
                           List<Long> declineToOffer, List<Agents.Agent> connected) throws Exception {

        Random random = new Random(16);
        decline(offeredTo, declinedAt, random, declines);
        declineToOffer.clear();
        // The server's CPU with this state and no routing (ticks, pings, sweeps), to tell it from routing's own.
        long restCpu = server.cpuMillis();
        Thread.sleep(10_000);
        double restCores = (server.cpuMillis() - restCpu) / 10_000.0;
        String before = server.metrics();
        long cpu = server.cpuMillis();
        int unanswered = decline(offeredTo, declinedAt, random, declines);
        double cpuSeconds = (server.cpuMillis() - cpu) / 1000.0;
        String after = server.metrics();
        connected.forEach(Agents.Agent::close);

        long routings = (long) (sample(after, "callcenter_routing_seconds_count") - sample(before, "callcenter_routing_seconds_count"));
        double sum = sample(after, "callcenter_routing_seconds_sum") - sample(before, "callcenter_routing_seconds_sum");
        long[] seen = declineToOffer.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(agents, queues, waiting, routings, sample(after, "callcenter_routing_recent_seconds{quantile=\"0.5\""),
                sample(after, "callcenter_routing_recent_seconds{quantile=\"0.99\""),
                sample(after, "callcenter_routing_recent_seconds{quantile=\"1\""),
                routings == 0 ? 0 : sum / routings, new double[] {
                        sample(after, "callcenter_routing_published_recent_seconds{quantile=\"0.5\""),
                        sample(after, "callcenter_routing_published_recent_seconds{quantile=\"0.99\""),
                        sample(after, "callcenter_routing_published_recent_seconds{quantile=\"1\"")},
                seen, unanswered, cpuSeconds, restCores, declines / (double) rate);
    }

    /**
     * Declines {@code count} random pending offers at the rate, then waits up to 10 s for their calls' next offers;
     * answers how many were never offered again (no free member right then: the sweep offers them within a second).
     */
    private int decline(Map<String, Agents.Agent> offeredTo, Map<String, Long> declinedAt, Random random, int count)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            // A pending offer to decline: right after a burst of declines they may all be on their way to the next
            // agents; wait for one (a stalled server shows as fewer declines, which the CI run fails on).
            String callId = null;
            Agents.Agent agent = null;
            for (long stop = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); agent == null && System.nanoTime() < stop; ) {
                List<String> pending = new ArrayList<>(offeredTo.keySet());
                pending.removeAll(declinedAt.keySet());
                if (pending.isEmpty()) {
                    Thread.sleep(5);
                    continue;
                }
                callId = pending.get(random.nextInt(pending.size()));
                agent = offeredTo.remove(callId);
            }
            if (agent == null) {
                break;
            }
            declinedAt.put(callId, System.nanoTime());
            agent.send(Wire.PRODUCT.encode("call:decline", "{\"callId\":\"" + callId + "\"}"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!declinedAt.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        int unanswered = declinedAt.size();
        declinedAt.clear();
        return unanswered;
    }

    /** Every agent in two queues (100 members each with the defaults) with a lang skill of 1 to 5. */
    private void joinQueues(ProductServer server) throws Exception {
        try (Connection c = server.database()) {
            c.setAutoCommit(false);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet r = c.createStatement().executeQuery(
                    "SELECT id FROM users WHERE username LIKE 'bench\\_%' AND username <> 'bench_template' ORDER BY username")) {
                while (r.next()) {
                    ids.add((UUID) r.getObject(1));
                }
            }
            try (PreparedStatement member = c.prepareStatement("INSERT INTO queue_members (queue_name, user_id) VALUES (?, ?)");
                 PreparedStatement skill = c.prepareStatement("INSERT INTO agent_skills (user_id, skill, level) VALUES (?, 'lang', ?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    for (int q : new int[] {i % queues, (i + 7) % queues}) {
                        member.setString(1, queue(q));
                        member.setObject(2, ids.get(i));
                        member.addBatch();
                    }
                    skill.setObject(1, ids.get(i));
                    skill.setInt(2, 1 + i % 5);
                    skill.addBatch();
                }
                member.executeBatch();
                skill.executeBatch();
            }
            c.commit();
        }
    }

    private static void print(Result r) {
        System.out.printf("%n%d agents, %d queues, %d waiting calls; %d routings measured, %d declines not offered again within 10 s%n",
                r.agents(), r.queues(), r.waiting(), r.routings(), r.unanswered());
        System.out.printf("server time per routing (last 1,024): p50 %.2f ms, p99 %.2f ms, max %.2f ms; mean over the phase %.2f ms%n",
                r.serverP50() * 1e3, r.serverP99() * 1e3, r.serverMax() * 1e3, r.serverMeanSeconds() * 1e3);
        System.out.printf("the same with its pushes handed to the broker (the measure of runs 1-16): p50 %.2f ms, p99 %.2f ms,"
                + " max %.2f ms%n", r.published()[0] * 1e3, r.published()[1] * 1e3, r.published()[2] * 1e3);
        long[] seen = r.declineToOffer();
        if (seen.length > 0) {
            System.out.printf("call:decline sent -> next agent's call:incoming (%d): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    seen.length, seen[seen.length / 2] / 1e6, seen[Math.min(seen.length - 1, (int) Math.ceil(seen.length * 0.99) - 1)] / 1e6,
                    seen[seen.length - 1] / 1e6);
        }
        System.out.printf("server CPU over the phase: %.1f s (%.0f µs per routing); at rest with the same state: %.1f %% of a core"
                        + " (%.0f µs per routing above it)%n", r.cpuSeconds(), r.routings() == 0 ? 0 : r.cpuSeconds() * 1e6 / r.routings(),
                r.restCores() * 100, r.routings() == 0 ? 0 : Math.max(0, r.cpuSeconds() - r.restCores() * r.phaseSeconds()) * 1e6 / r.routings());
    }

    /** The value of the first sample whose name and labels start with {@code selector}; NaN when absent. */
    static double sample(String metrics, String selector) {
        String name = selector.contains("{") ? selector.substring(0, selector.indexOf('{')) : selector;
        String wanted = selector.contains("{") ? selector.substring(selector.indexOf('{') + 1) : "";
        Matcher line = Pattern.compile("^" + Pattern.quote(name) + "(\\{([^}]*)\\})?\\s+(\\S+)", Pattern.MULTILINE).matcher(metrics);
        while (line.find()) {
            String labels = line.group(2) == null ? "" : line.group(2);
            if (Arrays.stream(wanted.split(",")).allMatch(labels::contains)) {
                return Double.parseDouble(line.group(3));
            }
        }
        return Double.NaN;
    }

    private static String queue(int q) {
        return String.format("rq%02d", q);
    }

    private int integer(String name, int otherwise) {
        String value = settings.getProperty(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
