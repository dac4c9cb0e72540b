package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three bootable jars behind HAProxy on one PostgreSQL database and one Artemis broker, as docs/clustering.md starts
 * them: events, races, presence and timeouts across nodes, a refused duplicate node id, and a broker outage. Black
 * box: HTTP and WebSocket only, through the balancer or straight at one node where the test needs to choose.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final int RING_TIMEOUT_SECONDS = 10;

    private static Cluster cluster;
    private static Api lb;
    private static String client;

    @BeforeAll
    static void startCluster() throws Exception {
        long started = System.nanoTime();
        cluster = Cluster.start(3, Map.of("CALLCENTER_RING_TIMEOUT_SECONDS", Integer.toString(RING_TIMEOUT_SECONDS),
                "CALLCENTER_PRESENCE_GRACE_SECONDS", "8"));
        System.out.printf("cluster: broker, 3 nodes and HAProxy ready in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
        lb = Api.at(cluster.balancer());
        client = lb.clientToken();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    static String initiate(Api api, String token, String name) {
        Api.Reply call = api.post("api/calls/initiate", "{\"callerName\":\"" + name + "\",\"phoneNumber\":\"0711000111\"}", token);
        assertEquals(201, call.status(), call.toString());
        return call.json().getString("id");
    }

    static JsonObject callId(String id) {
        return Json.createObjectBuilder().add("callId", id).build();
    }

    static boolean has(List<JsonValue> events, String field, String value) {
        return events.stream().anyMatch(d -> d instanceof JsonObject o && value.equals(o.getString(field, null)));
    }

    @Test
    @Order(1)
    void aCallRingsAgentsOnEveryNodeAndAWebSocketAndARestAcceptOnTwoNodesHaveOneWinner() throws Exception {
        Api.TestUser a = lb.createUser("agent");
        Api.TestUser b = lb.createUser("agent");
        Api.TestUser c = lb.createUser("agent");
        int socketWins = 0;
        int restWins = 0;
        try (WsClient one = WsClient.agent(cluster.node(1), a.token());
             WsClient two = WsClient.agent(cluster.node(2), b.token());
             WsClient three = WsClient.agent(cluster.node(3), c.token())) {
            for (int round = 0; round < 10; round++) {
                String id = initiate(lb, client, "Race " + round);
                for (WsClient agent : List.of(one, two, three)) {
                    agent.awaitCall("call:incoming", id, WAIT);
                }
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<Api.Reply> rest = CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Api.at(cluster.node(2)).post("api/calls/" + id + "/accept", "{}", b.token());
                });
                go.countDown();
                one.send("call:accept", callId(id));
                Api.Reply restAnswer = rest.join();
                long deadline = System.nanoTime() + WAIT.toNanos();
                boolean socketWon = false;
                boolean socketLost = false;
                while (!socketWon && !socketLost && System.nanoTime() < deadline) {
                    socketWon = has(one.events("call:accepted"), "id", id);
                    socketLost = has(one.events("call:taken"), "callId", id);
                    Thread.sleep(20);
                }
                boolean restWon = restAnswer.status() == 200;
                assertTrue(restWon || restAnswer.status() == 409, restAnswer.toString());
                assertEquals(1, (socketWon ? 1 : 0) + (restWon ? 1 : 0),
                        "round " + round + ": exactly one winner (socket won " + socketWon + ", REST " + restAnswer + ")");
                String winner = socketWon ? a.id() : b.id();
                JsonObject taken = three.awaitCall("call:taken", id, WAIT);
                assertEquals(winner, taken.getString("agentId"), "the third node's agent sees who took it");
                JsonObject stored = lb.get("api/calls/" + id, lb.adminToken()).json();
                assertEquals(winner, stored.getJsonObject("agent").getString("id"), "the database agrees");
                socketWins += socketWon ? 1 : 0;
                restWins += restWon ? 1 : 0;
                Api.Reply end = lb.post("api/calls/" + id + "/end", "{}", socketWon ? a.token() : b.token());
                assertEquals(200, end.status(), end.toString());
                for (WsClient agent : List.of(one, two, three)) {
                    agent.awaitCall("call:ended", id, WAIT);
                }
            }
        }
        System.out.printf("cluster races: WebSocket on node1 won %d, REST on node2 won %d of 10%n", socketWins, restWins);
    }

    @Test
    @Order(2)
    void presenceIsTheSameWhicheverNodeIsAsked() throws InterruptedException {
        Api.TestUser a = lb.createUser("agent");
        Api.TestUser watcher = lb.createUser("supervisor");
        try (WsClient onOne = WsClient.agent(cluster.node(1), a.token());
             WsClient watchTwo = WsClient.agent(cluster.node(2), watcher.token());
             WsClient watchThree = WsClient.agent(cluster.node(3), watcher.token())) {
            onOne.send("agent:status", Json.createObjectBuilder().add("status", "away").build());
            for (WsClient watch : List.of(watchTwo, watchThree)) {
                awaitPresence(watch::events, a.id(), "away", WAIT);
            }
            // A fresh snapshot from every node says the same, also for an agent with tabs on two nodes.
            try (WsClient secondTab = WsClient.agent(cluster.node(3), a.token())) {
                secondTab.send("agent:status", Json.createObjectBuilder().add("status", "available").build());
                awaitPresence(watchTwo::events, a.id(), "available", WAIT);
                for (int node = 1; node <= 3; node++) {
                    try (WsClient fresh = WsClient.agent(cluster.node(node), watcher.token())) {
                        JsonValue list = fresh.await("agents:list", WAIT);
                        assertEquals("available", statusIn(list, a.id()), "node" + node + "'s agents:list");
                    }
                }
            }
        }
    }

    @Test
    @Order(3)
    void theRingTimeoutEndsAnUnansweredCallExactlyOnce() throws Exception {
        Api.TestUser a = lb.createUser("agent");
        Api.TestUser b = lb.createUser("agent");
        try (WsClient one = WsClient.agent(cluster.node(1), a.token());
             WsClient three = WsClient.agent(cluster.node(3), b.token())) {
            String id = initiate(lb, client, "Nobody answers");
            Duration timeout = Duration.ofSeconds(RING_TIMEOUT_SECONDS + 20);
            JsonObject ended = one.awaitCall("call:ended", id, timeout);
            assertEquals("missed", ended.getString("status"));
            three.awaitCall("call:ended", id, WAIT);
            Thread.sleep(5_000); // every node's timer has had its turn
            for (WsClient agent : List.of(one, three)) {
                assertEquals(1, agent.events("call:ended").stream().filter(d -> id.equals(d.asJsonObject().getString("callId"))).count(),
                        "one call:ended per agent");
            }
            JsonObject call = lb.get("api/calls/" + id, lb.adminToken()).json();
            assertEquals(1, call.getJsonArray("events").stream()
                    .filter(e -> e.asJsonObject().getString("type").equals("missed")).count(), "one timeout in the timeline: " + call);
        }
    }

    @Test
    @Order(4)
    void aSecondServerWithTheNodeIdOfALiveNodeRefusesToStart() throws Exception {
        try (BootableJar twin = cluster.startExtra(cluster.nodePort(3) + 5, Map.of("CALLCENTER_NODE_ID", "node1",
                "CALLCENTER_DATA_DIR", cluster.nodePort(3) + "-twin"))) {
            assertTrue(twin.awaitOutput("Refusing to start: another server with CALLCENTER_NODE_ID=node1", Cluster.BOOT),
                    twin.outputText());
            assertFalse(twin.awaitReady(Duration.ofSeconds(5)), "never ready");
        }
        assertEquals(200, Api.at(cluster.node(1)).get("health/ready", null).status(), "the live node1 is untouched");
    }

    @Test
    @Order(5)
    void withTheBrokerDownEveryNodeIsUnreadyAndRefusesChangesThenComesBackOnItsOwn() throws Exception {
        String admin = lb.adminToken();
        int callsBefore = lb.get("api/calls?limit=500", admin).json().getJsonArray("items").size();
        long stopped = System.nanoTime();
        cluster.stopBroker();
        for (int node = 1; node <= 3; node++) {
            awaitStatus(Api.at(cluster.node(node)), 503, Duration.ofSeconds(20));
        }
        System.out.printf("cluster broker stop: every node unready after %d ms%n", (System.nanoTime() - stopped) / 1_000_000);
        Api.Reply ready = lb.get("health/ready", null);
        assertEquals(503, ready.status(), "through the balancer too: " + ready);
        Api.Reply refused = lb.post("api/calls/initiate", "{\"callerName\":\"No broker\",\"phoneNumber\":\"0711000444\"}", client);
        assertEquals(503, refused.status(), refused.toString());
        assertTrue(refused.isProblem(), refused.toString());
        assertEquals(callsBefore, lb.get("api/calls?limit=500", admin).json().getJsonArray("items").size(), "nothing stored");
        // Long enough for the resource adapter's reconnect back-off (1, 2, 4, 8, 16 s...) to be waiting out 30 s when
        // the broker is back: on its own a listener would take up to 30 s more; the node restarts it at once.
        Thread.sleep(33_000);

        long restarted = System.nanoTime();
        cluster.startBroker();
        long brokerUp = System.nanoTime();
        for (int node = 1; node <= 3; node++) {
            awaitStatus(Api.at(cluster.node(node)), 200, Duration.ofSeconds(12));
        }
        long restartedListeners = List.of(1, 2, 3).stream()
                .filter(node -> cluster.jar(node).outputText().contains("the call-events listener was restarted")).count();
        System.out.printf("cluster broker start: broker up in %d ms, every node ready %d ms after that (%d of 3 restarted"
                        + " their listener)%n", (brokerUp - restarted) / 1_000_000, (System.nanoTime() - brokerUp) / 1_000_000,
                restartedListeners);
        // Ready means the fan-out flows: an agent connected now on each node gets a new call at once.
        Api.TestUser a = lb.createUser("agent");
        for (int node = 1; node <= 3; node++) {
            try (WsClient agent = WsClient.agent(cluster.node(node), a.token())) {
                String id = initiate(lb, client, "After the outage " + node);
                agent.awaitCall("call:incoming", id, Duration.ofSeconds(5));
                lb.post("api/calls/" + id + "/end", "{}", admin);
            }
        }
    }

    /**
     * A node that reaches the broker only over TLS (its acceptor speaks nothing else) with the broker's credentials,
     * trusting the broker's certificate through the JVM's trust store, as docs/clustering.md tells operators: it
     * becomes ready (its fan-out probe made the round trip through the broker) and its agent gets a call initiated on
     * another node, which reached the broker over plain TCP.
     */
    @Test
    @Order(6)
    void aNodeReachesTheBrokerOverTls() throws Exception {
        int port = cluster.nodePort(3) + 7;
        Map<String, String> settings = Map.of(
                "CALLCENTER_NODE_ID", "node-tls",
                "CALLCENTER_DATA_DIR", port + "-data",
                "CALLCENTER_BROKER_URL", "ssl://localhost:" + cluster.brokerTlsPort(),
                "JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + cluster.trustStore() + " -Djavax.net.ssl.trustStoreType=PKCS12"
                        + " -Djavax.net.ssl.trustStorePassword=" + Cluster.TRUST_STORE_PASSWORD);
        try (BootableJar tls = cluster.startExtra(port, settings)) {
            long deadline = System.nanoTime() + Cluster.BOOT.toNanos();
            while (!tls.awaitReady(Duration.ofSeconds(5))) {
                assertTrue(System.nanoTime() < deadline && !tls.outputText().contains("WFLYSRV0026"),
                        "the TLS node never ready:\n" + tls.outputText());
            }
            Api.TestUser agent = lb.createUser("agent");
            try (WsClient socket = WsClient.agent(tls.url(), agent.token())) {
                String id = initiate(Api.at(cluster.node(1)), client, "Over TLS");
                socket.awaitCall("call:incoming", id, WAIT);
                lb.post("api/calls/" + id + "/end", "{}", lb.adminToken());
            }
        }
    }

    /** The caller on node 1, its agent on node 2: the WebRTC signalling of the call crosses the nodes both ways. */
    @Test
    @Order(7)
    void aCallersAndItsAgentsSignallingCrossTheNodes() throws Exception {
        Api.TestUser agentUser = lb.createUser("agent");
        try (WsClient agent = WsClient.agent(cluster.node(2), agentUser.token())) {
            Api.Reply initiated = lb.post("api/calls/initiate",
                    "{\"callerName\":\"Cross signal\",\"phoneNumber\":\"0711000555\"}", client);
            assertEquals(201, initiated.status(), initiated.toString());
            String id = initiated.json().getString("id");
            agent.awaitCall("call:incoming", id, WAIT);
            try (WsClient caller = WsClient.connect(cluster.node(1), initiated.json().getString("callerToken"))) {
                agent.send("call:accept", callId(id));
                caller.awaitCall("call:accepted", id, WAIT);
                caller.send("webrtc:offer", Json.createObjectBuilder().add("callId", id).add("sdp", "v=0 offer").build());
                assertEquals("v=0 offer", agent.awaitCall("webrtc:offer", id, WAIT).getString("sdp"));
                agent.send("webrtc:answer", Json.createObjectBuilder().add("callId", id).add("sdp", "v=0 answer").build());
                assertEquals("v=0 answer", caller.awaitCall("webrtc:answer", id, WAIT).getString("sdp"));
                Api.Reply end = lb.post("api/calls/" + id + "/end", "{}", agentUser.token());
                assertEquals(200, end.status(), end.toString());
            }
        }
    }

    static void awaitStatus(Api api, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Api.Reply last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = api.get("health/ready", null);
                if (last.status() == status) {
                    return;
                }
            } catch (RuntimeException e) {
                // not answering
            }
            Thread.sleep(200);
        }
        throw new AssertionError(api.base() + " never answered " + status + " within " + timeout + "; last " + last);
    }

    /**
     * Every presence change a socket was shown, in order: single {@code agent:updated} frames and the entries of
     * coalesced {@code agents:updated} frames (api.md 5 allows both).
     */
    static List<JsonObject> presenceUpdates(Function<String, List<JsonValue>> events) {
        List<JsonObject> updates = new ArrayList<>();
        events.apply("agent:updated").forEach(d -> updates.add(d.asJsonObject()));
        events.apply("agents:updated").forEach(d -> d.asJsonArray().forEach(e -> updates.add(e.asJsonObject())));
        return updates;
    }

    static void awaitPresence(Function<String, List<JsonValue>> events, String agentId, String status, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (presenceUpdates(events).stream().noneMatch(o -> agentId.equals(o.getString("agentId", null))
                && status.equals(o.getString("status", null)))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("agent " + agentId + " never shown " + status + " within " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static String statusIn(JsonValue list, String agentId) {
        return list.asJsonArray().stream().map(JsonValue::asJsonObject)
                .filter(o -> agentId.equals(o.getString("agentId"))).map(o -> o.getString("status"))
                .findFirst().orElse("absent");
    }
}
