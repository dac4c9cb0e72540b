package callcenter.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The fan-out benchmark: starts the bootable jar on PostgreSQL, connects N agent WebSockets, initiates M calls at
 * a steady rate and prints how long it takes until the LAST agent has each call's {@code call:incoming}, the
 * initiate latency, lost deliveries, the server's RSS, an accept race, and the RSS with many idle sockets.
 *
 * <p>Run: {@code ./mvnw -B -Pbench verify} (see README, "Performance"). Settings as system properties:
 * bench.agents (1000, 0 to skip the fan-out), bench.calls (500), bench.rate (calls per second, 5: 18,000 calls an
 * hour, 18 per agent and hour with 1,000 agents), bench.warmup (calls made at the same rate before measuring, so that
 * the JIT has compiled the paths being measured, 100), bench.raceAgents (100), bench.raceCalls (50, 0 to skip),
 * bench.idleSockets (10000, 0 to skip), bench.port (18880), bench.db.host (127.0.0.1:5432), bench.db.admin.user
 * (postgres).
 *
 * <p>Set-up shortcuts, so that the figures measure the fan-out and not password hashing: agents are inserted with
 * JDBC (all with one password hash made by the server itself), and their tokens are signed by the benchmark
 * with the key it hands the server as CALLCENTER_JWT_KEY_FILE.
 */
public final class FanOutBenchmark {

    /** The agents' WebSockets. */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();
    /**
     * REST requests get their own client: on the sockets' client, a request's answer would queue behind the frames
     * of 1,000 sockets and the client's backlog would be measured as the server's latency.
     */
    private static final HttpClient REQUESTS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();

    private final int agents = Integer.getInteger("bench.agents", 1000);
    private final int calls = Integer.getInteger("bench.calls", 500);
    private final int rate = Integer.getInteger("bench.rate", 5);
    private final int warmup = Integer.getInteger("bench.warmup", 100);
    private final int raceAgents = Integer.getInteger("bench.raceAgents", 100);
    private final int raceCalls = Integer.getInteger("bench.raceCalls", 50);
    private final int idleSockets = Integer.getInteger("bench.idleSockets", 10_000);
    private final int port = Integer.getInteger("bench.port", 18880);
    private final String dbHost = System.getProperty("bench.db.host", "127.0.0.1:5432");
    private final String dbAdmin = System.getProperty("bench.db.admin.user", "postgres");
    private final String dbName = "callcenter_bench";
    private final String dbUrl = "jdbc:postgresql://" + dbHost + "/" + dbName;
    private final URI base = URI.create("http://127.0.0.1:" + port + "/");

    private KeyPair keys;
    private Process server;

    public static void main(String[] args) {
        int status = 0;
        try {
            new FanOutBenchmark().run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        // The HTTP clients' executor threads would keep a failed run's JVM (and its thousands of sockets) alive.
        System.exit(status);
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("callcenter-bench");
        Path keyFile = work.resolve("jwt.pem");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        createDatabase();
        startServer(work, keyFile);
        try {
            long t0 = System.nanoTime();
            while (!ready()) {
                if (!server.isAlive() || System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(300)) {
                    throw new IllegalStateException("the server did not become ready; see " + work.resolve("server.log"));
                }
                Thread.sleep(300);
            }
            System.out.printf("server ready in %.1f s (pid %d, RSS %d MB)%n", (System.nanoTime() - t0) / 1e9, server.pid(), rssMb());
            String adminToken = login("admin", "bench-admin-password");
            List<String> agentIds = insertAgents(adminToken, Math.max(agents, Math.max(raceAgents, idleSockets)));
            String clientToken = clientToken(adminToken);
            if (agents > 0) {
                fanOut(agentIds.subList(0, agents), clientToken);
            }
            if (raceCalls > 0) {
                acceptRace(agentIds.subList(0, raceAgents), clientToken);
            }
            if (idleSockets > 0) {
                idle(agentIds.subList(0, idleSockets));
            }
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void fanOut(List<String> agentIds, String clientToken) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, AtomicLong> lastDelivery = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<Agent> sockets = connect(agentIds, FrameHandler.of(java.util.Set.of("call:incoming"), frame -> {
            if ("call:incoming".equals(frame.getString("event"))) {
                String callId = frame.getJsonObject("data").getString("callId");
                long now = System.nanoTime();
                lastDelivery.computeIfAbsent(callId, k -> new AtomicLong()).accumulateAndGet(now, Math::max);
                deliveries.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
            }
        }));
        System.out.printf("%d agents connected and registered (server RSS %d MB)%n", sockets.size(), rssMb());

        if (warmup > 0) {
            initiateAtRate(warmup, clientToken, new ConcurrentHashMap<>(), new ArrayList<>());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (total(deliveries) < (long) warmup * agentIds.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            System.out.printf("warm-up: %d calls, %d deliveries%n", warmup, total(deliveries));
            deliveries.clear();
            lastDelivery.clear();
        }
        List<String> callIds = new ArrayList<>();
        long[] initiate = initiateAtRate(calls, clientToken, sentAt, callIds);
        long expected = (long) calls * agentIds.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total(deliveries) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long[] allDelivered = callIds.stream()
                .filter(id -> deliveries.getOrDefault(id, new AtomicInteger()).get() == agentIds.size())
                .mapToLong(id -> lastDelivery.get(id).get() - sentAt.get(id)).sorted().toArray();
        Arrays.sort(initiate);
        System.out.printf("%nFAN-OUT: %d agents, %d calls at %d/s%n", agentIds.size(), calls, rate);
        System.out.println("  initiate -> last agent has call:incoming: " + percentiles(allDelivered));
        System.out.println("  initiate latency (HTTP 201):             " + percentiles(initiate));
        System.out.printf("  deliveries: %d of %d expected, lost %d; calls fully delivered %d of %d%n",
                total(deliveries), expected, expected - total(deliveries), allDelivered.length, calls);
        System.out.printf("  server RSS after the run: %d MB; sockets closed by the server during the run: %d%n",
                rssMb(), CLOSED_BY_SERVER.get());
        for (int i = 0; i < callIds.size(); i++) {
            String id = callIds.get(i);
            int got = deliveries.getOrDefault(id, new AtomicInteger()).get();
            if (got != agentIds.size()) {
                System.out.printf("  incomplete: call %s reached %d of %d agents%n", id, got, agentIds.size());
            }
        }
        sockets.forEach(Agent::close);
    }

    /** Initiates {@code count} calls at {@code bench.rate} per second; answers each request's latency (ns). */
    private long[] initiateAtRate(int count, String clientToken, Map<String, Long> sentAt, List<String> callIds) {
        long[] latency = new long[count];
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            // Sleep, never spin: on a 2-core machine a spinning client takes a core from the server it measures.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            sends.add(CompletableFuture.runAsync(() -> {
                long t = System.nanoTime();
                HttpResponse<String> response = post("api/calls/initiate", "{\"callerName\":\"Bench " + index
                        + "\",\"phoneNumber\":\"+254711" + String.format("%06d", index) + "\",\"queueName\":\"bench\"}",
                        clientToken);
                long done = System.nanoTime();
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("initiate answered " + response.statusCode() + ": " + response.body());
                }
                String id = json(response.body()).getString("id");
                sentAt.put(id, t);
                latency[index] = done - t;
                synchronized (callIds) {
                    callIds.add(id);
                }
            }, senders));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        senders.shutdown();
        return latency;
    }

    private void acceptRace(List<String> agentIds, String clientToken) throws Exception {
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> answered = new ConcurrentHashMap<>();
        List<Agent> sockets = connect(agentIds, FrameHandler.of(java.util.Set.of("call:accepted", "error"), frame -> {
            String event = frame.getString("event");
            JsonObject data = frame.get("data") instanceof JsonObject o ? o : null;
            if (data == null) {
                return;
            }
            if ("call:accepted".equals(event)) {
                String id = data.getString("id", "");
                accepted.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                answered.computeIfAbsent(id, k -> new CountDownLatch(agentIds.size())).countDown();
            } else if ("error".equals(event) && "call_already_taken".equals(data.getString("code", ""))) {
                String id = data.getString("callId", "");
                refused.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                answered.computeIfAbsent(id, k -> new CountDownLatch(agentIds.size())).countDown();
            }
        }));
        int exactlyOne = 0;
        for (int i = 0; i < raceCalls; i++) {
            HttpResponse<String> response = post("api/calls/initiate",
                    "{\"callerName\":\"Race " + i + "\",\"phoneNumber\":\"+254722" + String.format("%06d", i) + "\"}", clientToken);
            String id = json(response.body()).getString("id");
            CountDownLatch done = answered.computeIfAbsent(id, k -> new CountDownLatch(agentIds.size()));
            String frame = "{\"event\":\"call:accept\",\"data\":{\"callId\":\"" + id + "\"}}";
            sockets.parallelStream().forEach(agent -> agent.send(frame));
            done.await(20, TimeUnit.SECONDS);
            int winners = accepted.getOrDefault(id, new AtomicInteger()).get();
            int losers = refused.getOrDefault(id, new AtomicInteger()).get();
            if (winners == 1 && losers == agentIds.size() - 1) {
                exactlyOne++;
            } else {
                System.out.printf("  call %s: %d winners, %d refused%n", id, winners, losers);
            }
        }
        System.out.printf("%nACCEPT RACE: %d agents x %d calls: exactly one winner (and %d refusals) for %d of %d calls%n",
                agentIds.size(), raceCalls, agentIds.size() - 1, exactlyOne, raceCalls);
        sockets.forEach(Agent::close);
    }

    private void idle(List<String> agentIds) throws Exception {
        long before = rssMb();
        // Opened and authenticated, not registered: 10,000 registrations at once would broadcast one agent:updated per
        // registration to every registered agent (50 million frames, the protocol's O(N^2) presence cost), which is
        // a different figure from the memory a held socket costs.
        List<Agent> sockets = connect(agentIds, false, frame -> { });
        Thread.sleep(5000);
        System.out.printf("%nIDLE: %d authenticated agent sockets held; server RSS %d MB (was %d MB before they connected)%n",
                sockets.size(), rssMb(), before);
        sockets.forEach(Agent::close);
    }

    // ---------------------------------------------------------------------------------------------------------

    private interface FrameHandler {
        void handle(JsonObject frame);

        default boolean wants(String event) {
            return true;
        }

        static FrameHandler of(java.util.Set<String> events, FrameHandler handler) {
            return new FrameHandler() {
                @Override
                public void handle(JsonObject frame) {
                    handler.handle(frame);
                }

                @Override
                public boolean wants(String event) {
                    return events.contains(event);
                }
            };
        }
    }

    /** The value of the frame's "event" member without parsing the frame (the server writes it first). */
    static String eventOf(String frame) {
        int at = frame.indexOf("\"event\":\"");
        if (at < 0) {
            return "";
        }
        int from = at + 9;
        int to = frame.indexOf('"', from);
        return to < 0 ? "" : frame.substring(from, to);
    }

    /** One agent's socket: registers, then hands every frame to the handler. */
    private static final AtomicInteger CLOSED_BY_SERVER = new AtomicInteger();

    private static final class Agent implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            CLOSED_BY_SERVER.incrementAndGet();
            System.out.printf("  a socket was closed by the server: %d %s%n", statusCode, reason);
            return null;
        }

        private final FrameHandler handler;
        private final CountDownLatch registered = new CountDownLatch(1);
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        Agent(FrameHandler handler) {
            this.handler = handler;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                // Only the frames a round looks at are parsed: 1,000 sockets receive 20,000 frames a second, and
                // parsing them all would make the client, not the server, the bottleneck being measured.
                String event = eventOf(text);
                if ("calls:waiting".equals(event)) {
                    registered.countDown();
                }
                if (handler.wants(event)) {
                    handler.handle(json(text));
                }
            }
            webSocket.request(1);
            return null;
        }

        synchronized void send(String text) {
            socket.sendText(text, true).join();
        }

        void close() {
            socket.abort();
        }
    }

    private List<Agent> connect(List<String> agentIds, FrameHandler handler) throws Exception {
        return connect(agentIds, true, handler);
    }

    private List<Agent> connect(List<String> agentIds, boolean register, FrameHandler handler) throws Exception {
        List<Agent> connected = new ArrayList<>();
        int batch = 200;
        for (int from = 0; from < agentIds.size(); from += batch) {
            List<CompletableFuture<Agent>> opening = new ArrayList<>();
            for (String id : agentIds.subList(from, Math.min(agentIds.size(), from + batch))) {
                Agent agent = new Agent(handler);
                opening.add(HTTP.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token(id)), agent)
                        .thenApply(ws -> {
                            agent.socket = ws;
                            if (register) {
                                agent.send("{\"event\":\"agent:register\",\"data\":{}}");
                            }
                            return agent;
                        }));
            }
            for (CompletableFuture<Agent> future : opening) {
                Agent agent = future.get(60, TimeUnit.SECONDS);
                if (register && !agent.registered.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("an agent got no calls:waiting snapshot after agent:register");
                }
                connected.add(agent);
            }
        }
        return connected;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void createDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + dbHost + "/postgres", dbAdmin, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + dbName);
            s.execute("CREATE ROLE " + dbName + " LOGIN PASSWORD '" + dbName + "'");
            s.execute("CREATE DATABASE " + dbName + " OWNER " + dbName);
        }
    }

    private void startServer(Path work, Path keyFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("bench.jar", "target/callcenter-bootable.jar"))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CALLCENTER_"));
        builder.environment().putAll(Map.of(
                "PORT", Integer.toString(port),
                "CALLCENTER_MANAGEMENT_PORT", Integer.toString(port + 1),
                "CALLCENTER_DB", "postgresql",
                "CALLCENTER_DB_URL", dbUrl,
                "CALLCENTER_DB_USER", dbName,
                "CALLCENTER_DB_PASSWORD", dbName,
                "CALLCENTER_ADMIN_PASSWORD", "bench-admin-password",
                "CALLCENTER_JWT_KEY_FILE", keyFile.toString(),
                "CALLCENTER_RING_TIMEOUT_SECONDS", "3600"));
        server = builder.start();
        System.out.println("server log: " + work.resolve("server.log"));
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(base.resolve("health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Inserts agents directly, all with the password hash of one agent made through the API. */
    private List<String> insertAgents(String adminToken, int count) throws Exception {
        HttpResponse<String> template = post("api/users", "{\"username\":\"bench_template\",\"displayName\":\"Template\","
                + "\"password\":\"bench-password\",\"extension\":\"100\",\"role\":\"agent\"}", adminToken);
        if (template.statusCode() != 201) {
            throw new IllegalStateException("creating an agent answered " + template.statusCode() + ": " + template.body());
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(dbUrl, dbName, dbName)) {
            String hash;
            try (ResultSet r = c.createStatement().executeQuery("SELECT password_hash FROM users WHERE username = 'bench_template'")) {
                r.next();
                hash = r.getString(1);
            }
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, username, display_name, extension, role,"
                    + " at_client_name, password_hash, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, 'agent', ?, ?, true, ?, ?)")) {
                Timestamp now = Timestamp.from(Instant.now());
                for (int i = 0; i < count; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, "bench_" + i);
                    insert.setString(3, "Bench Agent " + i);
                    insert.setString(4, Integer.toString(1000 + i));
                    insert.setString(5, "bench_" + i);
                    insert.setString(6, hash);
                    insert.setTimestamp(7, now);
                    insert.setTimestamp(8, now);
                    insert.addBatch();
                    ids.add(id.toString());
                }
                insert.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /** A user token for an agent, signed with the key the server verifies with. */
    private String token(String agentId) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"callcenter\",\"sub\":\"" + agentId + "\",\"upn\":\"bench\",\"groups\":[\"agent\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String login(String username, String password) {
        HttpResponse<String> response = post("api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
        return json(response.body()).getString("token");
    }

    private String clientToken(String adminToken) throws Exception {
        JsonObject client = json(post("api/clients", "{\"name\":\"bench\"}", adminToken).body());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client.getString("clientId")
                        + "&client_secret=" + client.getString("clientSecret"))).build(), HttpResponse.BodyHandlers.ofString());
        return json(response.body()).getString("access_token");
    }

    private HttpResponse<String> post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return REQUESTS.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(server.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not on Linux
        }
        return -1;
    }

    private static long total(Map<String, AtomicInteger> counts) {
        return counts.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    private static String percentiles(long[] sortedNanos) {
        if (sortedNanos.length == 0) {
            return "no samples";
        }
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d samples)",
                at(sortedNanos, 0.50), at(sortedNanos, 0.90), at(sortedNanos, 0.99),
                sortedNanos[sortedNanos.length - 1] / 1e6, sortedNanos.length);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
