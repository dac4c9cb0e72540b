package callcenter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark of issue 14, one invocation (docs/performance.md): for each target (the product, then the Node
 * comparators when installed) a freshly started server; start-up time and idle RSS; N agents connect and register
 * (timed); then M calls at a steady rate, each measured from sending {@code POST /api/calls/initiate} to the moment
 * the LAST agent has its {@code call:incoming}; during that load, accept races of 100 other agents (time from
 * {@code call:accept} to the winner's {@code call:accepted}, exactly one winner each); the server's CPU over the
 * measured window divided by every frame the agents received.
 *
 * <p>Settings (system properties): bench.agents (1000), bench.calls (200), bench.rate (20 calls per second),
 * bench.raceAgents (100), bench.raceCalls (50), bench.targets (product,ws,socketio; the comparators need
 * {@code npm ci} in bench.nodeDir; "baseline" is a second build of the product, bench.baselineJar, or the same jar with bench.baselineOptions), bench.serverOptions (the product's JVM options), bench.port (18880),
 * bench.nodePort (18890), bench.db.host (127.0.0.1:5432), bench.db.admin.user (postgres), bench.db.name (callcenter_bench), bench.idleSeconds (5).
 * The target "cluster" is the product as bench.clusterNodes (2) nodes behind HAProxy with a standalone broker
 * ({@link ClusterServer}; the balancer on bench.clusterPort, bench.port + 100; the scripts in bench.clusterScripts).
 *
 * <p>Opt-in, the product only: bench.users (0) users created through {@code POST /api/users} by bench.userClients (4)
 * concurrent clients after the fan-out window, then each logging in once ({@link UserSetup}).
 */
public final class FanOutBenchmark {

    /** One target's figures. Times in nanoseconds, sorted. */
    public record Result(String target, double readySeconds, long idleRssMb, long settledRssMb, int agents, double registerSeconds,
                         long registeredRssMb, long[] lastAgent, long[] initiate, long expected, long delivered,
                         double cpuSeconds, long frames, int races, int racesWithOneWinner, long[] raceWinner,
                         int closedByServer, int presenceSampled, int presenceWrong, int deadlocked) {

        public long lost() {
            return expected - delivered;
        }

        public double microsPerFrame() {
            return frames == 0 ? 0 : cpuSeconds * 1e6 / frames;
        }
    }

    private final Properties settings;
    private final int agents;
    private final int calls;
    private final int rate;
    private final int raceAgents;
    private final int raceCalls;
    private final int users;
    private final int userClients;
    private final Map<String, UserSetup.Result> userRuns = new java.util.LinkedHashMap<>();

    public FanOutBenchmark(Properties settings) {
        this.settings = settings;
        this.agents = integer("bench.agents", 1000);
        this.calls = integer("bench.calls", 200);
        this.rate = integer("bench.rate", 20);
        this.raceAgents = integer("bench.raceAgents", 100);
        this.raceCalls = integer("bench.raceCalls", 50);
        this.users = integer("bench.users", 0);
        this.userClients = integer("bench.userClients", 4);
    }

    /** The user set-up of each target that had one (bench.users), by target name. */
    public Map<String, UserSetup.Result> userRuns() {
        return userRuns;
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            new FanOutBenchmark(System.getProperties()).run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        // The event loops and the HTTP client's threads would keep a failed run's JVM (and its sockets) alive.
        System.exit(status);
    }

    /** Runs every target in turn and prints each one's figures, then all of them side by side. */
    public List<Result> run() throws Exception {
        System.out.printf("machine: %d cores; %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        List<Result> results = new ArrayList<>();
        for (Target target : targets()) {
            try {
                Result result = measure(target);
                Report.print(result, agents, calls, rate, raceAgents);
                if (userRuns.containsKey(target.name)) {
                    UserSetup.print(userRuns.get(target.name));
                }
                results.add(result);
            } finally {
                target.stop();
            }
        }
        Report.table(results);
        System.out.printf("%s after the run%n", loadAverage());
        return results;
    }

    private List<Target> targets() throws Exception {
        int port = integer("bench.port", 18880);
        int nodePort = integer("bench.nodePort", 18890);
        Path nodeDir = Path.of(settings.getProperty("bench.nodeDir", "src/test/node"));
        String wanted = settings.getProperty("bench.targets",
                Files.isDirectory(nodeDir.resolve("node_modules")) ? "product,ws,socketio" : "product");
        List<Target> targets = new ArrayList<>();
        for (String name : wanted.split(",")) {
            switch (name.trim()) {
                case "product" -> targets.add(product("product", settings.getProperty("bench.jar", "target/callcenter-bootable.jar"),
                        settings.getProperty("bench.serverOptions", "")));
                case "baseline" -> targets.add(product("baseline", settings.getProperty("bench.baselineJar",
                        settings.getProperty("bench.jar", "target/callcenter-bootable.jar")),
                        settings.getProperty("bench.baselineOptions", settings.getProperty("bench.serverOptions", ""))));
                case "cluster" -> targets.add(cluster());
                case "ws" -> targets.add(new Target.NodeServer("ws", Wire.PRODUCT, nodePort, nodeDir, "ws-server.js"));
                case "socketio" -> targets.add(new Target.NodeServer("socket.io", Wire.SOCKET_IO, nodePort, nodeDir, "socketio-server.js"));
                default -> throw new IllegalArgumentException("unknown target " + name);
            }
        }
        return targets;
    }

    /**
     * The bootable jar; "baseline" is another build of it (bench.baselineJar) or the same jar with other JVM options
     * (bench.baselineOptions), measured in the same run to compare.
     */
    private Target product(String name, String jar, String options) throws Exception {
        return new ProductServer(name, integer("bench.port", 18880), jar, options,
                settings.getProperty("bench.db.host", "127.0.0.1:5432"), settings.getProperty("bench.db.admin.user", "postgres"));
    }

    /** The same jar as bench.clusterNodes nodes behind HAProxy on one broker and database (issue 15's comparison). */
    private Target cluster() throws Exception {
        int nodes = integer("bench.clusterNodes", 2);
        return new ClusterServer(nodes + " nodes", nodes, integer("bench.clusterPort", integer("bench.port", 18880) + 100),
                settings.getProperty("bench.jar", "target/callcenter-bootable.jar"), settings.getProperty("bench.serverOptions", ""),
                settings.getProperty("bench.db.host", "127.0.0.1:5432"), settings.getProperty("bench.db.admin.user", "postgres"),
                Path.of(settings.getProperty("bench.clusterScripts", "../config/cluster")));
    }

    private Result measure(Target target) throws Exception {
        System.out.printf("%n=== %s (log %s)%n", target.name, target.work.resolve("server.log"));
        double ready = target.start();
        Thread.sleep(TimeUnit.SECONDS.toMillis(integer("bench.idleSeconds", 5)));
        long idleRss = target.rssMb();
        // The product is still running its start-up warm-up some seconds after ready: idle is once that has ended
        // (and G1 has had a moment to give the freed regions back); -1 for a server without one.
        long settledRss = -1;
        if (target.awaitSettled(Duration.ofSeconds(60))) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(3));
            settledRss = target.rssMb();
        }
        List<String> tokens = target.agents(agents + raceAgents);
        String clientToken = target.clientToken();
        Wire wire = target.wire;

        Map<String, AtomicLong> lastDelivery = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Races races = new Races(wire, raceAgents);
        // About 20 agents' presence lists are followed and checked once everyone has registered.
        PresenceViews presence = new PresenceViews(wire, Math.max(1, (agents + raceAgents) / 20));
        int closedBefore = Agents.CLOSED_BY_SERVER.get();
        long t0 = System.nanoTime();
        List<Agents.Agent> fanOut = Agents.connect(wire, target.port, tokens.subList(0, agents), true, (agent, event, frame) -> {
            presence.frame(agent, event, frame);
            if ("call:incoming".equals(event)) {
                long now = System.nanoTime();
                String callId = member(frame, "callId");
                lastDelivery.computeIfAbsent(callId, k -> new AtomicLong()).accumulateAndGet(now, Math::max);
                deliveries.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
            }
        }, presence::unread);
        List<Agents.Agent> racers = Agents.connect(wire, target.port, tokens.subList(agents, tokens.size()), true, (agent, event, frame) -> {
            presence.frame(agent, event, frame);
            races.frame(agent, event, frame);
        }, presence::unread);
        double registerSeconds = (System.nanoTime() - t0) / 1e9;
        long registeredRss = target.rssMb();
        // Coalesced presence changes may still be on their way (at most 250 ms apart per socket): give them 10 s.
        long registered = System.nanoTime();
        int presenceWrong = presence.wrong(agents + raceAgents);
        while (presenceWrong > 0 && System.nanoTime() - registered < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
            presenceWrong = presence.wrong(agents + raceAgents);
        }
        System.out.printf("  presence: %d sampled agents, %d of them not showing all %d registered agents available"
                + " %.1f s after the last registration%n", presence.sampled(), presenceWrong, agents + raceAgents,
                (System.nanoTime() - registered) / 1e9);

        long cpu = target.cpuMillis();
        Map<String, Long> threadsBefore = target.cpuMillisByThread();
        long frames = Agents.FRAMES.get();
        ExecutorService background = Executors.newSingleThreadExecutor();
        Future<?> raceRun = background.submit(() -> races.run(target, clientToken, racers, raceCalls,
                calls > 0 ? TimeUnit.SECONDS.toNanos(1) * calls / rate / Math.max(1, raceCalls) : 0));
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long windowStart = System.nanoTime();
        long[] initiate = initiateAtRate(target, clientToken, sentAt);
        long expected = (long) calls * agents;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered(deliveries, sentAt) < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        raceRun.get(300, TimeUnit.SECONDS);
        background.shutdown();
        double cpuSeconds = (target.cpuMillis() - cpu) / 1000.0;
        frames = Agents.FRAMES.get() - frames;
        Report.threads(threadsBefore, target.cpuMillisByThread(), frames, cpuSeconds);
        // (sent, initiate -> last agent) of every call all agents got
        List<long[]> reached = sentAt.entrySet().stream()
                .filter(e -> deliveries.getOrDefault(e.getKey(), new AtomicInteger()).get() == agents)
                .map(e -> new long[] {e.getValue(), lastDelivery.get(e.getKey()).get() - e.getValue()}).toList();
        Report.overTime("initiate -> last agent", windowStart, reached);
        Report.overTime("race winners", windowStart, races.winnersOverTime());
        long[] last = reached.stream().mapToLong(r -> r[1]).sorted().toArray();
        Arrays.sort(initiate);
        Result result = new Result(target.name, ready, idleRss, settledRss, agents, registerSeconds, registeredRss, last, initiate, expected,
                delivered(deliveries, sentAt), cpuSeconds, frames, raceCalls, races.withOneWinner(), races.winnerTimes(),
                Agents.CLOSED_BY_SERVER.get() - closedBefore, presence.sampled(), presenceWrong, target.deadlocked());
        fanOut.forEach(Agents.Agent::close);
        racers.forEach(Agents.Agent::close);
        // After the window, so that the fan-out figures stay those of a freshly started server.
        if (users > 0 && target instanceof ProductServer product) {
            userRuns.put(target.name, UserSetup.run(product, users, userClients));
        }
        return result;
    }

    /** Initiates the calls at the rate; answers each request's latency (ns) and notes when each was sent. */
    private long[] initiateAtRate(Target target, String clientToken, Map<String, Long> sentAt) throws Exception {
        long[] latency = new long[calls];
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, rate);
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long due = start + i * interval;
            // Sleep, never spin: on a 2-core machine a spinning client takes a core from the server it measures.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            sends.add(senders.submit(() -> {
                long t = System.nanoTime();
                String id = target.initiate("{\"callerName\":\"Bench " + index + "\",\"phoneNumber\":\"+254711"
                        + String.format("%06d", index) + "\",\"queueName\":\"bench\"}", clientToken);
                latency[index] = System.nanoTime() - t;
                sentAt.put(id, t);
            }));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        senders.shutdown();
        return latency;
    }

    private static long delivered(Map<String, AtomicInteger> deliveries, Map<String, Long> measured) {
        long sum = 0;
        for (String id : measured.keySet()) {
            AtomicInteger count = deliveries.get(id);
            sum += count == null ? 0 : count.get();
        }
        return sum;
    }

    private int integer(String name, int otherwise) {
        String value = settings.getProperty(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static String loadAverage() {
        try {
            return "load average " + Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "load average unknown";
        }
    }

    /**
     * The value of the first string member of this name in a frame, without parsing it: 1,000 sockets receive
     * thousands of frames a second, and parsing them all would make the client, not the server, the bottleneck
     * being measured. Good for the members read here (event names and ids), which need no escaping.
     */
    static String member(String frame, String name) {
        String key = "\"" + name + "\":\"";
        int at = frame.indexOf(key);
        if (at < 0) {
            return "";
        }
        int from = at + key.length();
        int to = frame.indexOf('"', from);
        return to < 0 ? "" : frame.substring(from, to);
    }
}
