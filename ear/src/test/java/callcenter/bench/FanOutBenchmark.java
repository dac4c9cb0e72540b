package callcenter.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;

/**
 * The fan-out benchmark: starts the bootable jar on PostgreSQL, connects N agent WebSockets, initiates M calls at
 * a steady rate and prints how long it takes until the LAST agent has each call's {@code call:incoming}, the
 * initiate latency, lost deliveries, the server's RSS, an accept race, and the RSS with many idle sockets.
 *
 * <p>Run: {@code ./mvnw -B -Pbench verify} (see docs/performance.md). Settings as system properties:
 * bench.agents (1000, 0 to skip the fan-out), bench.calls (500), bench.rate (calls per second, 5: 18,000 calls an
 * hour, 18 per agent and hour with 1,000 agents), bench.warmup (calls made before measuring, 1500: a server that has
 * just started still spends a good part of a core compiling, and with 100 warm-up calls the JIT was still busy
 * during the measured calls; after 1,500 it is quiet, as on a server that has been up a while),
 * bench.warmupRate (10 calls per second), bench.raceAgents (100), bench.raceCalls (50, 0 to skip),
 * bench.idleSockets (10000, 0 to skip), bench.serverOptions (JVM options for the server, space-separated, e.g. a
 * heap size or a profiler agent), bench.port (18880), bench.db.host (127.0.0.1:5432), bench.db.admin.user
 * (postgres).
 *
 * <p>Set-up shortcuts, so that the figures measure the fan-out and not password hashing: agents are inserted with
 * JDBC (all with one password hash made by the server itself), and their tokens are signed by the benchmark
 * with the key it hands the server as CALLCENTER_JWT_KEY_FILE.
 */
public final class FanOutBenchmark {

    /** The agents' WebSockets: two event-loop threads, one per core. */
    private static final EventLoopGroup LOOPS = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    /** The largest frame accepted: {@code agents:list} lists every agent, about 120 bytes each (1.2 MB for 10,000). */
    private static final int MAX_FRAME = 64 << 20;
    /** REST requests. */
    private static final HttpClient REQUESTS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();

    /** One reader factory: {@code Json.createReader} looks the JSON provider up anew on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private final int agents = Integer.getInteger("bench.agents", 1000);
    private final int calls = Integer.getInteger("bench.calls", 500);
    private final int rate = Integer.getInteger("bench.rate", 5);
    private final int warmup = Integer.getInteger("bench.warmup", 1500);
    private final int warmupRate = Integer.getInteger("bench.warmupRate", 10);
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
        // The event loops and the HTTP client's threads would keep a failed run's JVM (and its thousands of sockets) alive.
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
        Map<String, AtomicLong> firstDelivery = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        List<Agent> sockets = connect(agentIds, (event, frame) -> {
            if ("call:incoming".equals(event)) {
                long now = System.nanoTime();
                String callId = member(frame, "callId");
                lastDelivery.computeIfAbsent(callId, k -> new AtomicLong()).accumulateAndGet(now, Math::max);
                firstDelivery.computeIfAbsent(callId, k -> new AtomicLong(Long.MAX_VALUE)).accumulateAndGet(now, Math::min);
                deliveries.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
            }
        });
        System.out.printf("%d agents connected and registered (server RSS %d MB)%n", sockets.size(), rssMb());

        if (warmup > 0) {
            initiateAtRate(warmup, warmupRate, clientToken, new ConcurrentHashMap<>(), new ArrayList<>());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (total(deliveries) < (long) warmup * agentIds.size() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            System.out.printf("warm-up: %d calls, %d deliveries%n", warmup, total(deliveries));
            deliveries.clear();
            lastDelivery.clear();
            firstDelivery.clear();
        }
        List<String> callIds = new ArrayList<>();
        long serverCpu = serverCpuMillis();
        long clientCpu = clientCpuMillis();
        long wall = System.nanoTime();
        double[] fanOutBefore = fanOutMeter();
        long[] initiate = initiateAtRate(calls, rate, clientToken, sentAt, callIds);
        long expected = (long) calls * agentIds.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total(deliveries) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - wall) / 1e9;
        serverCpu = serverCpuMillis() - serverCpu;
        clientCpu = clientCpuMillis() - clientCpu;
        double[] fanOutAfter = fanOutMeter();
        long[] firstDelivered = callIds.stream().filter(firstDelivery::containsKey)
                .mapToLong(id -> firstDelivery.get(id).get() - sentAt.get(id)).sorted().toArray();
        long[] allDelivered = callIds.stream()
                .filter(id -> deliveries.getOrDefault(id, new AtomicInteger()).get() == agentIds.size())
                .mapToLong(id -> lastDelivery.get(id).get() - sentAt.get(id)).sorted().toArray();
        Arrays.sort(initiate);
        System.out.printf("%nFAN-OUT: %d agents, %d calls at %d/s%n", agentIds.size(), calls, rate);
        System.out.println("  initiate -> last agent has call:incoming: " + percentiles(allDelivered));
        System.out.println("  initiate latency (HTTP 201):             " + percentiles(initiate));
        System.out.println("  initiate -> first agent has call:incoming: " + percentiles(firstDelivered));
        long[] spread = callIds.stream().filter(firstDelivery::containsKey)
                .mapToLong(id -> lastDelivery.get(id).get() - firstDelivery.get(id).get()).sorted().toArray();
        System.out.println("  first -> last agent (the fan-out itself):  " + percentiles(spread));
        System.out.printf("  server: publish -> frames queued for its sockets, mean %.1f ms over %.0f events%n",
                (fanOutAfter[1] - fanOutBefore[1]) * 1000 / Math.max(1, fanOutAfter[0] - fanOutBefore[0]),
                fanOutAfter[0] - fanOutBefore[0]);
        System.out.printf("  CPU over %.1f s: server %.0f%% of a core, benchmark client %.0f%% of a core%n",
                seconds, serverCpu / seconds / 10, clientCpu / seconds / 10);
        System.out.printf("  deliveries: %d of %d expected, lost %d; calls fully delivered %d of %d%n",
                total(deliveries), expected, expected - total(deliveries), allDelivered.length, calls);
        System.out.printf("  server RSS after the run: %d MB; sockets closed by the server during the run: %d%n",
                rssMb(), CLOSED_BY_SERVER.get());
        String raw = System.getProperty("bench.raw");
        if (raw != null) {
            // One line per call, in the order they were sent: for looking at when the slow ones happened.
            List<String> lines = new ArrayList<>(List.of("sentMs,firstMs,lastMs,deliveries"));
            long origin = callIds.stream().mapToLong(sentAt::get).min().orElse(0);
            callIds.stream().sorted(Comparator.comparingLong(sentAt::get)).forEach(id -> lines.add(String.format(
                    Locale.ROOT, "%.1f,%.2f,%.2f,%d", (sentAt.get(id) - origin) / 1e6,
                    (firstDelivery.getOrDefault(id, new AtomicLong()).get() - sentAt.get(id)) / 1e6,
                    (lastDelivery.getOrDefault(id, new AtomicLong()).get() - sentAt.get(id)) / 1e6,
                    deliveries.getOrDefault(id, new AtomicInteger()).get())));
            Files.write(Path.of(raw), lines);
        }
        for (int i = 0; i < callIds.size(); i++) {
            String id = callIds.get(i);
            int got = deliveries.getOrDefault(id, new AtomicInteger()).get();
            if (got != agentIds.size()) {
                System.out.printf("  incomplete: call %s reached %d of %d agents%n", id, got, agentIds.size());
            }
        }
        sockets.forEach(Agent::close);
    }

    /** Initiates {@code count} calls at {@code rate} per second; answers each request's latency (ns). */
    private long[] initiateAtRate(int count, int rate, String clientToken, Map<String, Long> sentAt, List<String> callIds) {
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
        List<Agent> sockets = connect(agentIds, (event, text) -> {
            if (!"call:accepted".equals(event) && !"error".equals(event)) {
                return;
            }
            JsonObject frame = json(text);
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
        });
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
        List<Agent> sockets = connect(agentIds, false, (event, frame) -> { });
        Thread.sleep(5000);
        System.out.printf("%nIDLE: %d authenticated agent sockets held; server RSS %d MB (was %d MB before they connected)%n",
                sockets.size(), rssMb(), before);
        sockets.forEach(Agent::close);
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What a round does with each frame its agents receive: the event's name and the whole frame, unparsed. */
    private interface FrameHandler {
        void handle(String event, String frame);
    }

    /**
     * The value of the first string member of this name in a frame, without parsing the frame: 1,000 sockets receive
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

    /** Sockets the server closed (a slow consumer, a failed send): must stay 0 in a healthy run. */
    private static final AtomicInteger CLOSED_BY_SERVER = new AtomicInteger();

    /**
     * One agent's socket: hands every frame to the round's handler. Netty rather than {@code java.net.http.WebSocket}:
     * the JDK client spent about 35 microseconds of CPU per received frame, which at 5,000 frames a second took a
     * third of a core from the server being measured; Netty's event loops spend a fraction of that.
     */
    private static final class Agent extends SimpleChannelInboundHandler<WebSocketFrame> {

        private final FrameHandler handler;
        private final CompletableFuture<Agent> opened = new CompletableFuture<>();
        private final CountDownLatch registered = new CountDownLatch(1);
        private volatile Channel channel;
        private volatile boolean closing;

        Agent(FrameHandler handler) {
            this.handler = handler;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                channel = ctx.channel();
                opened.complete(this);
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                opened.completeExceptionally(new IllegalStateException("WebSocket handshake timed out"));
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                String body = text.text();
                String event = member(body, "event");
                if ("calls:waiting".equals(event)) {
                    registered.countDown();
                }
                handler.handle(event, body);
            } else if (frame instanceof CloseWebSocketFrame close) {
                closedByServer(close.statusCode() + " " + close.reasonText());
                ctx.close();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (!opened.isDone()) {
                opened.completeExceptionally(new IllegalStateException("the connection closed during the handshake"));
            } else if (!closing) {
                closedByServer("connection closed");
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!opened.completeExceptionally(cause)) {
                System.out.printf("  a socket failed: %s%n", cause);
            }
            ctx.close();
        }

        private void closedByServer(String why) {
            if (!closing) {
                closing = true;
                CLOSED_BY_SERVER.incrementAndGet();
                System.out.printf("  a socket was closed by the server: %s%n", why);
            }
        }

        void send(String text) {
            channel.writeAndFlush(new TextWebSocketFrame(text));
        }

        void close() {
            closing = true;
            channel.close();
        }
    }

    private List<Agent> connect(List<String> agentIds, FrameHandler handler) throws Exception {
        return connect(agentIds, true, handler);
    }

    private List<Agent> connect(List<String> agentIds, boolean register, FrameHandler handler) throws Exception {
        List<Agent> connected = new ArrayList<>();
        int batch = 200;
        for (int from = 0; from < agentIds.size(); from += batch) {
            List<Agent> opening = new ArrayList<>();
            for (String id : agentIds.subList(from, Math.min(agentIds.size(), from + batch))) {
                Agent agent = new Agent(handler);
                URI uri = URI.create("ws://127.0.0.1:" + port + "/ws?access_token=" + token(id));
                WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder().webSocketUri(uri)
                        .handleCloseFrames(false).handshakeTimeoutMillis(60_000).maxFramePayloadLength(MAX_FRAME)
                        // The server is trusted to send UTF-8; validating every byte was a tenth of the client's CPU.
                        .withUTF8Validator(false).build();
                new Bootstrap().group(LOOPS).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                        .handler(new ChannelInitializer<SocketChannel>() {
                            @Override
                            protected void initChannel(SocketChannel ch) {
                                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(8192),
                                        new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME), agent);
                            }
                        })
                        .connect(uri.getHost(), uri.getPort()).addListener(f -> {
                            if (!f.isSuccess()) {
                                agent.opened.completeExceptionally(f.cause());
                            }
                        });
                opening.add(agent);
            }
            for (Agent agent : opening) {
                agent.opened.get(60, TimeUnit.SECONDS);
                if (register) {
                    agent.send("{\"event\":\"agent:register\",\"data\":{}}");
                }
            }
            for (Agent agent : opening) {
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
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        String options = System.getProperty("bench.serverOptions", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", System.getProperty("bench.jar", "target/callcenter-bootable.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
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
            return REQUESTS.send(HttpRequest.newBuilder(base.resolve("health/ready")).build(), HttpResponse.BodyHandlers.discarding())
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
        HttpResponse<String> response = REQUESTS.send(HttpRequest.newBuilder(base.resolve("api/auth/token"))
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

    /** The server's CPU time (user + system) so far, from /proc; -1 where there is none. */
    private long serverCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(server.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long clientCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }

    /** The server's fan-out meter from its Prometheus endpoint: {count, sum in seconds}. */
    private double[] fanOutMeter() {
        double[] meter = new double[2];
        try {
            String text = REQUESTS.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 1) + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                if (line.startsWith("callcenter_fanout_latency_seconds_count")) {
                    meter[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("callcenter_fanout_latency_seconds_sum")) {
                    meter[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no meter: printed as zero events
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return meter;
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
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
