package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two bootable jars behind HAProxy on a replicated Artemis primary/backup pair (docs/clustering.md, "A broker pair"),
 * the nodes listing both brokers in a failover URL. The live broker is stopped (SIGTERM), later its successor killed
 * (SIGKILL, after a new backup caught up), then frozen (SIGSTOP: a hung host, no connection reset; killed once the
 * backup is active), each under a steady load of initiates through the balancer with agents
 * connected on both nodes. "No committed event lost" is tested strictly: every call acknowledged (201) reaches every
 * agent's socket as {@code call:incoming} on the socket that was open all along: no reconnect, no resynchronisation
 * ({@code calls:waiting}) counted. A change refused meanwhile is a 503 problem+json and stores nothing; both nodes
 * are ready again without a restart, and a call made afterwards reaches every agent at once.
 * {@code -Dit.cluster.brokerBackup=false} starts no backup (the URL still lists it): then this test must fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterBrokerFailoverIT {

    private static final int NODES = 2;
    private static final int AGENTS_PER_NODE = 2;
    /** Time for a straggler to arrive after the load stopped: an event late by more than this counts as lost. */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    private static Cluster cluster;
    private static Api lb;
    private static String client;

    @BeforeAll
    static void startCluster() throws Exception {
        long started = System.nanoTime();
        cluster = Cluster.startWithBrokerPair(NODES, Map.of());
        System.out.printf("broker failover: broker pair, %d nodes and HAProxy ready in %d s%n", NODES,
                (System.nanoTime() - started) / 1_000_000_000);
        lb = Api.at(cluster.balancer());
        client = lb.clientToken();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void stoppingTheLiveBrokerUnderLoadLosesNoAcknowledgedCall() throws Exception {
        failOver("SIGTERM", false);
    }

    @Test
    @Order(2)
    void killingTheLiveBrokerUnderLoadLosesNoAcknowledgedCall() throws Exception {
        // The broker that took over has no backup now: give it one, as an operator replaces the stopped broker.
        if (!cluster.hasBackupBroker()) {
            cluster.startBackupOfLiveBroker();
        }
        failOver("SIGKILL", true);
    }

    @Test
    @Order(3)
    void freezingTheLiveBrokerUnderLoadLosesNoAcknowledgedCall() throws Exception {
        if (!cluster.hasBackupBroker()) {
            cluster.startBackupOfLiveBroker();
        }
        failOver("SIGSTOP", false, true);
    }

    private void failOver(String how, boolean kill) throws Exception {
        failOver(how, kill, false);
    }

    private void failOver(String how, boolean kill, boolean freeze) throws Exception {
        List<WsClient> agents = new ArrayList<>();
        Load load = null;
        try {
            for (int node = 1; node <= NODES; node++) {
                for (int i = 0; i < AGENTS_PER_NODE; i++) {
                    agents.add(WsClient.agent(cluster.node(node), lb.createUser("agent").token()));
                }
            }
            load = Load.start(lb, client, how);
            Thread.sleep(5_000);

            long stopped = System.nanoTime();
            Process frozen = null;
            if (freeze) {
                frozen = cluster.freezeLiveBroker();
            } else if (kill) {
                cluster.killLiveBroker();
            } else {
                cluster.stopLiveBroker();
            }
            long exited = System.nanoTime();
            long[] unready = new long[NODES + 1];
            long[] ready = new long[NODES + 1];
            if (freeze) {
                // The backup activates once its replication link to the frozen broker times out; then the frozen one
                // is fenced (killed) before it could wake up as a second live broker.
                long until = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                while (!cluster.liveBrokerSaysActive() && System.nanoTime() < until) {
                    pollReadiness(stopped, unready, ready);
                    Thread.sleep(100);
                }
                exited = System.nanoTime();
                cluster.killFrozenBroker(frozen);
            }
            awaitReadyAgain(stopped, unready, ready, Duration.ofSeconds(freeze ? 240 : 90));
            long allReady = System.nanoTime();
            long backupActive = -1;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (backupActive < 0 && System.nanoTime() < deadline) {
                if (cluster.liveBrokerSaysActive()) {
                    backupActive = System.nanoTime();
                }
                Thread.sleep(100);
            }
            // The load goes on after the switch: new changes must flow too.
            Thread.sleep(8_000);
            load.stop();

            System.out.printf("broker failover (%s): live broker exited (SIGSTOP: backup active) %d ms after the signal; node readiness "
                            + "503 seen %s; every node ready again %d ms after the signal (per node %s); %d initiates "
                            + "acknowledged, %d answered 503 problem+json, %d cut off, %d other; initiates during the "
                            + "switch (from the signal to both ready): %d acknowledged, %d refused; slowest acknowledged "
                            + "initiate %d ms%n",
                    how, (exited - stopped) / 1_000_000, describe(unready, stopped), (allReady - stopped) / 1_000_000,
                    describe(ready, stopped), load.acknowledged.size(), load.refused.size(), load.cut.get(),
                    load.other.size(), load.between(stopped, allReady, true), load.between(stopped, allReady, false),
                    load.slowestAcknowledged.get());
            assertTrue(backupActive > 0, "the backup never said it was active");
            assertTrue(load.other.isEmpty(), "only 201 or 503 problem+json: " + load.other);

            // Every acknowledged call reached every agent's socket, on both nodes, without a reconnect.
            long waitFrom = System.nanoTime();
            List<String> missing = new ArrayList<>();
            for (WsClient agent : agents) {
                assertTrue(agent.isOpen(), "the agent's socket stayed open");
                for (String id : load.acknowledged.keySet()) {
                    long left = Math.max(1, ARRIVAL.toNanos() - (System.nanoTime() - waitFrom));
                    try {
                        agent.awaitCall("call:incoming", id, Duration.ofNanos(left));
                    } catch (AssertionError e) {
                        missing.add("agent " + agents.indexOf(agent) + " (node " + (agents.indexOf(agent) / AGENTS_PER_NODE + 1)
                                + "): " + id + " acknowledged " + load.sinceSignal(id, stopped) + " ms after the signal");
                    }
                }
            }
            assertEquals(List.of(), missing, "acknowledged calls that never reached an agent");

            // A refused initiate stored nothing, an acknowledged one is stored (matched by the unique caller name).
            Set<String> stored = Set.copyOf(cluster.query(
                    "SELECT caller_name FROM calls WHERE caller_name LIKE '" + Load.prefix(how) + "%'"));
            for (String name : load.refused) {
                assertTrue(!stored.contains(name), name + " answered 503 but was stored");
            }
            for (String name : load.acknowledged.values()) {
                assertTrue(stored.contains(name), name + " acknowledged but not stored");
            }

            // Ready means the fan-out flows: a new call reaches every agent at once.
            for (int round = 0; round < 3; round++) {
                String id = ClusterIT.initiate(lb, client, "After the failover " + how + " " + round);
                for (WsClient agent : agents) {
                    agent.awaitCall("call:incoming", id, Duration.ofSeconds(5));
                }
            }
        } finally {
            if (load != null) {
                load.stop();
            }
            for (WsClient agent : agents) {
                agent.close();
            }
        }
    }

    /**
     * Polls every node's readiness from the signal until each has answered 200 again after the switch (or, if it never
     * went unready, for at least 10 s): the first 503 seen and the 200 after it, in nanoTime.
     */
    private static void awaitReadyAgain(long stopped, long[] unready, long[] ready, Duration timeout) throws InterruptedException {
        long deadline = stopped + timeout.toNanos();
        while (!pollReadiness(stopped, unready, ready)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a node never answered ready again within " + timeout + " of the broker's stop");
            }
            Thread.sleep(100);
        }
    }

    /** One look at every node's readiness; true once each has settled. */
    private static boolean pollReadiness(long stopped, long[] unready, long[] ready) {
        boolean done = true;
        for (int node = 1; node <= NODES; node++) {
            int status;
            try {
                status = Api.at(cluster.node(node)).get("health/ready", null).status();
            } catch (RuntimeException e) {
                status = -1;
            }
            long now = System.nanoTime();
            if (status != 200 && unready[node] == 0) {
                unready[node] = now;
                ready[node] = 0;
            } else if (status == 200 && ready[node] == 0 && unready[node] != 0) {
                ready[node] = now;
            } else if (status != 200) {
                ready[node] = 0;
            }
            boolean settled = unready[node] != 0 ? ready[node] != 0 : now - stopped > Duration.ofSeconds(10).toNanos();
            done &= settled;
        }
        return done;
    }

    private static String describe(long[] times, long from) {
        StringBuilder text = new StringBuilder();
        for (int node = 1; node < times.length; node++) {
            text.append(node == 1 ? "" : ", ").append("node").append(node).append(' ')
                    .append(times[node] == 0 ? "never" : (times[node] - from) / 1_000_000 + " ms");
        }
        return text.toString();
    }

    /**
     * Caller apps through the balancer: {@link #THREADS} threads, each an initiate every 50 ms, each with a unique
     * caller name; the failover's few seconds must see many changes in flight (with one initiate every 200 ms none
     * was lost even with the non-durable subscription: see docs/clustering.md).
     */
    private static final class Load implements Runnable {
        static final int THREADS = 4;
        final Api api;
        final String client;
        final String how;
        /** Acknowledged call id → caller name, and when (nanoTime) each answer came. */
        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Map<String, Long> acknowledgedAt = new ConcurrentHashMap<>();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        final Map<String, Long> refusedAt = new ConcurrentHashMap<>();
        final List<String> other = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger cut = new AtomicInteger();
        /** The slowest initiate answered 201 (ms): how long a change waited for the failover. */
        final java.util.concurrent.atomic.AtomicLong slowestAcknowledged = new java.util.concurrent.atomic.AtomicLong();
        private final AtomicInteger counter = new AtomicInteger();
        private volatile boolean stopping;
        private final List<Thread> threads = new ArrayList<>();

        private Load(Api api, String client, String how) {
            this.api = api;
            this.client = client;
            this.how = how;
        }

        static String prefix(String how) {
            return "Failover " + how + " ";
        }

        static Load start(Api api, String client, String how) {
            Load load = new Load(api, client, how);
            for (int i = 0; i < THREADS; i++) {
                Thread thread = new Thread(load, "failover-load-" + i);
                load.threads.add(thread);
                thread.start();
            }
            return load;
        }

        void stop() throws InterruptedException {
            stopping = true;
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }

        long sinceSignal(String id, long signal) {
            return (acknowledgedAt.get(id) - signal) / 1_000_000;
        }

        int between(long from, long to, boolean acknowledgedOnes) {
            var times = acknowledgedOnes ? acknowledgedAt.values() : refusedAt.values();
            return (int) times.stream().filter(t -> t >= from && t <= to).count();
        }

        @Override
        public void run() {
            while (!stopping) {
                String name = prefix(how) + counter.incrementAndGet();
                long sent = System.nanoTime();
                try {
                    Api.Reply reply = api.post("api/calls/initiate",
                            "{\"callerName\":\"" + name + "\",\"phoneNumber\":\"0711000333\"}", client);
                    if (reply.status() == 201) {
                        String id = reply.json().getString("id");
                        acknowledged.put(id, name);
                        acknowledgedAt.put(id, System.nanoTime());
                        slowestAcknowledged.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
                    } else if (reply.status() == 503 && reply.isProblem()) {
                        refused.add(name);
                        refusedAt.put(name, System.nanoTime());
                    } else if (reply.status() == 504 && !reply.isProblem()) {
                        // HAProxy's own answer when the node did not answer within its 30 s server timeout, which
                        // races this client's 30 s timeout: the same unknown outcome as a cut connection.
                        cut.incrementAndGet();
                    } else {
                        other.add(name + ": " + reply);
                    }
                } catch (RuntimeException e) {
                    cut.incrementAndGet(); // the connection cut: not acknowledged, outcome unknown
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
