package callcenter.it;

import static callcenter.it.ClusterIT.WAIT;
import static callcenter.it.ClusterIT.callId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Nodes going away under agents: a rolling restart (SIGTERM, start again, one node at a time) under a steady load
 * with 200 connected agents, then a {@code kill -9} of a node that is not started again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailuresIT {

    /**
     * The product's default presence grace (docs/configuration.md): a reconnect has to fit in it. An earlier 8 s
     * (to shorten the kill test) was shorter than what the product promises, and a reconnect of 8.3 s, while a node
     * booted on the same two cores, failed the rolling restart although the default grace had room for it.
     */
    private static final int GRACE_SECONDS = 15;
    /**
     * Agents connected through the balancer during the rolling restart: issue 15's 200 ({@code -Dit.cluster.agents}
     * to try others). With 200, a drained node's ~70 dashboards register at once on the other two nodes; reading an
     * agents list per registration made those reconnects take up to 18.4 s, beyond the grace (docs/clustering.md,
     * run 7); one read now serves the sockets registering together.
     */
    private static final int AGENTS = Integer.getInteger("it.cluster.agents", 200);
    private static Cluster cluster;
    private static Api lb;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = Cluster.start(3, Map.of("CALLCENTER_PRESENCE_GRACE_SECONDS", Integer.toString(GRACE_SECONDS),
                "CALLCENTER_RING_TIMEOUT_SECONDS", "20"));
        lb = Api.at(cluster.balancer());
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void aRollingRestartUnderLoadLosesNoAcknowledgedCallOrAcceptAndShowsNoAgentOffline() throws Exception {
        List<ReconnectingAgent> agents = new ArrayList<>();
        ReconnectingAgent watcher = null;
        Load load = null;
        try {
            for (int i = 0; i < AGENTS; i++) {
                agents.add(ReconnectingAgent.connect(cluster.balancer(), lb.createUser("agent")));
            }
            watcher = ReconnectingAgent.connect(cluster.balancer(), lb.createUser("supervisor"));
            Set<String> ids = agents.stream().map(a -> a.user().id()).collect(Collectors.toSet());
            load = Load.start(lb, agents.get(0).user());
            Thread.sleep(3_000);
            for (int node = 1; node <= 3; node++) {
                long t0 = System.nanoTime();
                // Wall-clock times, to find a failure's frames (ReconnectingAgent.state) in the nodes' logs.
                System.out.printf("rolling restart node%d: SIGTERM at %s%n", node, java.time.LocalTime.now());
                cluster.stopNode(node);
                long stopped = System.nanoTime();
                cluster.startNode(node);
                cluster.awaitReady(node);
                System.out.printf("rolling restart node%d: SIGTERM to exit %d ms, start to ready %d ms (ready at %s)%n", node,
                        (stopped - t0) / 1_000_000, (System.nanoTime() - stopped) / 1_000_000, java.time.LocalTime.now());
                assertTrue(stopped - t0 < Duration.ofSeconds(30).toNanos(), "node" + node + " drained and exited within 30 s");
                Thread.sleep(3_000); // HAProxy takes it back after two good checks
            }
            Thread.sleep(3_000);
            load.stop();

            // The figures first, so that a failed run still says what happened.
            long reconnected = agents.stream().filter(a -> a.reconnects() > 0).count();
            long[] times = agents.stream().flatMap(a -> a.reconnectMillis().stream()).mapToLong(Long::longValue).sorted().toArray();
            long slowest = times.length == 0 ? -1 : times[times.length - 1];
            List<Integer> codes = agents.stream().flatMap(a -> a.closeCodes().stream()).toList();
            System.out.printf("rolling restart: %d calls and %d accepts acknowledged (%d initiate and %d accept attempts"
                            + " refused or cut and retried); %d of %d agents reconnected, %d reconnects: p50 %d ms, p90 %d ms,"
                            + " slowest %d ms; close codes %s%n",
                    load.acknowledgedCalls.size(), load.acknowledgedAccepts.size(), load.retriedInitiates,
                    load.retriedAccepts, reconnected, AGENTS, times.length, at(times, 0.5), at(times, 0.9), slowest, codes.stream()
                            .collect(Collectors.groupingBy(c -> c, java.util.TreeMap::new, Collectors.counting())));
            List<ReconnectingAgent.Reconnect> parts = agents.stream().flatMap(a -> a.reconnectParts().stream()).toList();
            System.out.printf("reconnects' parts (p50 / p90 / max): attempts %s; failed attempts' time %s ms;"
                            + " handshake %s ms; register to agents:list %s ms%n",
                    spread(parts.stream().mapToLong(ReconnectingAgent.Reconnect::attempts)),
                    spread(parts.stream().mapToLong(ReconnectingAgent.Reconnect::failedMillis)),
                    spread(parts.stream().mapToLong(ReconnectingAgent.Reconnect::handshakeMillis)),
                    spread(parts.stream().mapToLong(ReconnectingAgent.Reconnect::registerMillis)));
            List<String> offline = offlineSeen(watcher, ids);
            ReconnectingAgent finalWatcher = watcher;
            String offlineAgents = agents.stream().filter(a -> offline.contains(a.user().id()))
                    .map(a -> a.user().id() + ": slowest reconnect " + a.slowestReconnectMillis() + " ms, "
                            + a.state() + "; the supervisor was shown it offline at " + finalWatcher.arrivals(
                            frame -> offline(frame, a.user().id())) + "; " + a.probe())
                    .collect(Collectors.joining("; "));
            assertEquals(List.of(), offline, "no agent shown offline during the rolling restart (" + offlineAgents + ")");
            assertTrue(load.acknowledgedCalls.size() >= 20, "the load ran: " + load.acknowledgedCalls.size());
            String admin = lb.adminToken();
            for (String id : load.acknowledgedCalls) {
                assertEquals(200, lb.get("api/calls/" + id, admin).status(), "acknowledged call " + id + " kept");
            }
            for (String id : load.acknowledgedAccepts) {
                JsonObject call = lb.get("api/calls/" + id, admin).json();
                assertEquals(load.agent.id(), call.getJsonObject("agent").getString("id"), "acknowledged accept kept: " + call);
            }
            assertTrue(reconnected >= AGENTS * 4 / 5, "most agents were on a restarted node and came back: " + reconnected);
            // Drained, not dropped: every socket a stopping node closed was told 1012 (service restart).
            assertEquals(List.of(), codes.stream().filter(c -> c != 1012).toList(), "every socket closed with 1012;"
                    + " dropped: " + agents.stream().flatMap(a -> a.drops().stream()).toList());
            // Every agent ends available, as a fresh snapshot from the balancer shows (the load's agent once its last
            // call has ended: asked again for a few seconds).
            List<String> notAvailable = List.of("not asked");
            for (int attempt = 0; attempt < 10 && !notAvailable.isEmpty(); attempt++) {
                try (WsClient fresh = WsClient.agent(cluster.balancer(), watcher.user().token())) {
                    JsonValue list = fresh.await("agents:list", WAIT);
                    notAvailable = ids.stream().filter(id -> !"available".equals(ClusterIT.statusIn(list, id)))
                            .map(id -> id + "=" + ClusterIT.statusIn(list, id)).toList();
                }
                Thread.sleep(notAvailable.isEmpty() ? 0 : 1_000);
            }
            assertEquals(List.of(), notAvailable, "every agent available at the end");
        } finally {
            if (load != null) {
                load.stop();
            }
            for (ReconnectingAgent agent : agents) {
                agent.close();
            }
            if (watcher != null) {
                watcher.close();
            }
        }
    }

    @Test
    @Order(2)
    void aKilledNodesAgentsReconnectAndKeepTheirCallAndOnesThatDoNotGoOfflineAfterTheGrace() throws Exception {
        Api.TestUser keeper = lb.createUser("agent");
        Api.TestUser gone = lb.createUser("agent");
        Api.TestUser watcherUser = lb.createUser("supervisor");
        try (WsClient watcher = WsClient.agent(cluster.node(1), watcherUser.token());
             WsClient onThree = WsClient.agent(cluster.node(3), keeper.token());
             WsClient goneOnThree = WsClient.agent(cluster.node(3), gone.token())) {
            String id = ClusterIT.initiate(lb, lb.clientToken(), "Survives a crash");
            onThree.awaitCall("call:incoming", id, WAIT);
            onThree.send("call:accept", callId(id));
            onThree.awaitCall("call:accepted", id, WAIT);

            long killed = System.nanoTime();
            cluster.killNode(3);
            onThree.awaitClose(WAIT);
            // The dashboard reconnects through the balancer and gets its call handed back on register.
            WsClient again = null;
            while (again == null) {
                try {
                    again = WsClient.connect(cluster.balancer(), keeper.token());
                    again.send("agent:register", jakarta.json.Json.createObjectBuilder().build());
                    again.awaitCall("call:accepted", id, Duration.ofSeconds(5));
                } catch (RuntimeException | AssertionError e) {
                    again = null;
                    Thread.sleep(200);
                }
                assertTrue(System.nanoTime() - killed < Duration.ofSeconds(GRACE_SECONDS).toNanos(), "reconnected within the grace");
            }
            long reconnectMillis = (System.nanoTime() - killed) / 1_000_000;
            try (WsClient kept = again) {
                JsonObject call = lb.get("api/calls/" + id, lb.adminToken()).json();
                assertEquals("active", call.getString("status"), "the call survived its node: " + call);
                assertEquals(keeper.id(), call.getJsonObject("agent").getString("id"));

                // The agent that never came back: offline once the survivors see node3's heartbeat is gone, plus the grace.
                ClusterIT.awaitPresence(watcher::events, gone.id(), "offline", Duration.ofSeconds(90));
                long offlineMillis = (System.nanoTime() - killed) / 1_000_000;
                assertEquals(List.of(), offlineSeen(watcher, Set.of(keeper.id())), "the reconnected agent never offline");
                System.out.printf("kill -9 node3: its agent reconnected through HAProxy with its call in %d ms; an agent"
                        + " that did not reconnect shown offline after %d ms%n", reconnectMillis, offlineMillis);
                lb.post("api/calls/" + id + "/end", "{}", keeper.token());
            }
        }
    }

    private static List<String> offlineSeen(WsClient watcher, Set<String> ids) {
        return offline(ClusterIT.presenceUpdates(watcher::events), ids);
    }

    private static List<String> offlineSeen(ReconnectingAgent watcher, Set<String> ids) {
        List<String> seen = new ArrayList<>(offline(ClusterIT.presenceUpdates(watcher::events), ids));
        for (JsonValue list : watcher.events("agents:list")) {
            seen.addAll(offline(list.asJsonArray().stream().map(JsonValue::asJsonObject).toList(), ids));
        }
        return seen;
    }

    /** Whether a frame shows this agent offline: a presence change of either form, or a list. */
    private static boolean offline(JsonObject frame, String agentId) {
        JsonValue data = frame.get("data");
        List<JsonValue> states = switch (frame.getString("event", "")) {
            case "agent:updated" -> List.of(data);
            case "agents:updated", "agents:list" -> data.asJsonArray();
            default -> List.of();
        };
        return !offline(states.stream().map(JsonValue::asJsonObject).toList(), Set.of(agentId)).isEmpty();
    }

    private static List<String> offline(List<JsonObject> updates, Set<String> ids) {
        return updates.stream()
                .filter(o -> ids.contains(o.getString("agentId", "")) && "offline".equals(o.getString("status", "")))
                .map(o -> o.getString("agentId")).toList();
    }

    /**
     * A caller app and an agent through the balancer, one after the other: initiate with an Idempotency-Key (retried
     * with the same key until answered), accept, end. What was acknowledged is remembered.
     */
    private static final class Load implements Runnable {
        final Api api;
        final Api.TestUser agent;
        final String client;
        final Set<String> acknowledgedCalls = ConcurrentHashMap.newKeySet();
        final Set<String> acknowledgedAccepts = ConcurrentHashMap.newKeySet();
        volatile int retriedInitiates;
        volatile int retriedAccepts;
        private volatile boolean stopping;
        private final Thread thread = new Thread(this, "cluster-load");

        private Load(Api api, Api.TestUser agent) {
            this.api = api;
            this.agent = agent;
            this.client = api.clientToken();
        }

        static Load start(Api api, Api.TestUser agent) {
            Load load = new Load(api, agent);
            load.thread.start();
            return load;
        }

        void stop() throws InterruptedException {
            stopping = true;
            thread.join(60_000);
        }

        @Override
        public void run() {
            while (!stopping) {
                String key = UUID.randomUUID().toString();
                String id = null;
                while (id == null && !stopping) {
                    Api.Reply reply = attempt(() -> api.post("api/calls/initiate",
                            "{\"callerName\":\"Load\",\"phoneNumber\":\"0711000222\"}", client, Map.of("Idempotency-Key", key)));
                    if (reply != null && (reply.status() == 201 || reply.status() == 200)) {
                        id = reply.json().getString("id");
                        acknowledgedCalls.add(id);
                    } else {
                        retriedInitiates++;
                        pause(200);
                    }
                }
                if (id == null) {
                    return;
                }
                String callId = id;
                Api.Reply accept = attempt(() -> api.post("api/calls/" + callId + "/accept", "{}", agent.token()));
                if (accept != null && accept.status() == 200) {
                    acknowledgedAccepts.add(id);
                    // Ended for sure (a cut-off end is retried; 409 means an earlier attempt did it), so that the
                    // agent is available again when the load stops.
                    Api.Reply end = null;
                    for (int i = 0; i < 50 && (end == null || end.status() != 200 && end.status() != 409); i++) {
                        end = attempt(() -> api.post("api/calls/" + callId + "/end", "{}", agent.token()));
                        pause(end == null || end.status() >= 500 ? 200 : 0);
                    }
                } else {
                    retriedAccepts++;
                    attempt(() -> api.post("api/calls/" + callId + "/end", "{}", client));
                }
                pause(300);
            }
        }

        private static Api.Reply attempt(java.util.function.Supplier<Api.Reply> request) {
            try {
                return request.get();
            } catch (RuntimeException e) {
                return null; // cut off by a node going away: not acknowledged
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String spread(java.util.stream.LongStream values) {
        long[] sorted = values.sorted().toArray();
        return at(sorted, 0.5) + " / " + at(sorted, 0.9) + " / " + (sorted.length == 0 ? -1 : sorted[sorted.length - 1]);
    }

    private static long at(long[] sorted, double quantile) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
