package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The README's run command: the bootable jar on its embedded defaults (embedded database under
 * CALLCENTER_DATA_DIR, embedded broker, generated signing key and admin password), as a user starts it.
 */
class BootableJarIT {

    private static final Duration BOOT = Duration.ofSeconds(240);
    /** it.jar.port (ear/pom.xml): configurable, so that two builds on one host do not start jars on the same ports. */
    private static final int JAR_PORT = Integer.getInteger("it.jar.port", 18080);
    private static final String BROKER_SECRET = "it-broker-secret-7f3a";
    /**
     * Anchored on the colon: the password is base64url, so it may begin with '-', which a pattern skipping every
     * non-word character before the password would cut off (1 start in 64 failed the login that way).
     */
    private static final Pattern GENERATED_PASSWORD = Pattern.compile("(?i)admin.*password:[ \\t]+(\\S+)\\s*$");

    /** The warm-up's line (calls.boundary.CallPathsWarmUp): it runs beside the start, readiness does not wait. */
    private static final String WARMED = "Warmed the initiate and accept paths";
    /** The default number of passes, and that at least one ran (a slow machine may cut them short). */
    private static final Pattern WARMED_PASSES = Pattern.compile("Warmed the initiate and accept paths in \\d+ ms, ([1-9]\\d*) of 200 passes");
    private static final String ROUTINGS = "callcenter_routing_seconds_count";

    /** This node's count of routings, from its Prometheus endpoint on the management port. */
    private static double routings(int port) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + (port + 1) + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
        return MetricsIT.sample(reply.body(), ROUTINGS).orElseThrow(() -> new AssertionError(ROUTINGS + " not in:\n" + reply.body()));
    }

    /** An IPv4 address of this host other than loopback, as another machine would reach it. */
    private static String nonLoopbackAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        }
        throw new AssertionError("this host has no non-loopback IPv4 address to reach the node on");
    }

    private static List<String> callIds(Api api, String token) {
        Api.Reply calls = api.get("api/calls?limit=50", token);
        assertEquals(200, calls.status(), calls.toString());
        return calls.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("id")).toList();
    }

    private static Path workDir(String name) throws Exception {
        Path dir = Path.of(System.getProperty("it.work.dir"), name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void embeddedDefaultsKeepEverythingAcrossARestart() throws Exception {
        Path dir = workDir("embedded");
        String password;
        String adminToken;
        String callId;
        try (BootableJar server = BootableJar.start(dir, JAR_PORT, Map.of())) {
            assertTrue(server.awaitReady(BOOT), "never ready:\n" + server.outputText());
            Api api = Api.at(server.url());
            assertTrue(api.get("health/ready", null).body().contains("H2"), "the default is the embedded database");
            // The one HTTP port answers on this host's other addresses too (WildFly's own default is 127.0.0.1 only):
            // agents' browsers and carriers' webhooks come from elsewhere.
            String external = nonLoopbackAddress();
            HttpResponse<String> live = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + external + ":" + JAR_PORT + "/health/live")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, live.statusCode(), "reached on " + external + ": " + live.body());

            assertFalse(server.output().stream().anyMatch(line -> line.contains("IJ020016")),
                    "the transaction manager must register its recovery scan of the broker (IJ020016: XA recovery disabled)");
            password = generatedPassword(server.output());
            adminToken = api.login("admin", password);
            assertTrue(server.awaitOutput(WARMED, BOOT), "the start-up's warm-up never ended:\n" + server.outputText());
            assertTrue(server.output().stream().anyMatch(line -> WARMED_PASSES.matcher(line).find()),
                    "the warm-up runs its default 200 passes:\n" + server.outputText());
            assertEquals(List.of(), callIds(api, adminToken), "the warm-up's calls are rolled back, never stored");
            assertEquals(0, routings(JAR_PORT), "the warm-up's rolled-back routings routed no call: not counted");
            String client = api.clientToken(adminToken);
            Api.Reply call = api.post("api/calls/initiate",
                    "{\"callerName\":\"Restart Test\",\"phoneNumber\":\"0711000111\",\"ivrOption\":\"1\",\"queueName\":\"sales\"}", client);
            assertEquals(201, call.status(), call.toString());
            callId = call.json().getString("id");
            assertEquals(1, routings(JAR_PORT), "the call's routing committed with it and is counted");
        }
        assertTrue(Files.exists(dir.resolve("data")), "data kept under ./data of the working directory");
        assertTrue(Files.isDirectory(dir.resolve("data/tx-object-store/ShadowNoFileLockStore")),
                "the transaction log is kept under ./data, where recovery finds it after a crash, not in the temporary server");

        try (BootableJar server = BootableJar.start(dir, JAR_PORT, Map.of())) {
            assertTrue(server.awaitReady(BOOT), "never ready after restart:\n" + server.outputText());
            Api api = Api.at(server.url());
            assertFalse(server.output().stream().anyMatch(line -> GENERATED_PASSWORD.matcher(line).find()),
                    "the generated password is printed only at the first start");
            assertTrue(server.awaitOutput(WARMED, BOOT), "the start-up's warm-up never ended:\n" + server.outputText());
            assertEquals(List.of(callId), callIds(api, adminToken), "the second start's warm-up stored nothing either");
            Api.Reply kept = api.get("api/calls/" + callId, adminToken);
            assertEquals(200, kept.status(), "a token from before the restart still works and the call is kept: " + kept);
            assertEquals("+254711000111", kept.json().getString("phoneNumber"));
            api.login("admin", password);
        }
    }

    @Test
    void aPostgresqlUrlWithTheEmbeddedDriverIsReportedAndNeverReady() throws Exception {
        Path dir = workDir("wrong-url");
        try (BootableJar server = BootableJar.start(dir, JAR_PORT + 100,
                Map.of("CALLCENTER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/callcenter"))) {
            assertTrue(server.awaitOutput("Invalid setting CALLCENTER_DB_URL", BOOT), server.outputText());
            assertFalse(server.awaitReady(Duration.ofSeconds(5)), "must never report ready with a wrong setting");
        }
    }

    @Test
    void postgresqlWithoutAPasswordIsReportedAndNeverReady() throws Exception {
        Path dir = workDir("no-db-password");
        try (BootableJar server = BootableJar.start(dir, JAR_PORT + 400, Map.of("CALLCENTER_DB", "postgresql",
                "CALLCENTER_DB_URL", "jdbc:postgresql://127.0.0.1:5432/callcenter"))) {
            assertTrue(server.awaitOutput("Missing setting CALLCENTER_DB_PASSWORD", BOOT), server.outputText());
            assertFalse(server.awaitReady(Duration.ofSeconds(5)), "must never run on the guessable default password");
        }
    }

    @Test
    void aNonNumericTimeoutIsReportedAndNeverReady() throws Exception {
        Path dir = workDir("wrong-timeout");
        try (BootableJar server = BootableJar.start(dir, JAR_PORT + 200, Map.of("CALLCENTER_RING_TIMEOUT_SECONDS", "soon"))) {
            assertTrue(server.awaitOutput("Invalid setting CALLCENTER_RING_TIMEOUT_SECONDS='soon'", BOOT), server.outputText());
            assertFalse(server.awaitReady(Duration.ofSeconds(5)), "must never report ready with a wrong setting");
            long lines = server.output().stream().filter(l -> l.contains("CALLCENTER_RING_TIMEOUT_SECONDS")).count();
            assertTrue(lines >= 1, "the setting is named");
        }
    }

    @Test
    void withTheBrokerDownAnInitiateIsA503AndStoresNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path dir = workDir("broker-down");
        try (BootableJar server = BootableJar.start(dir, JAR_PORT + 300, Map.of(
                "CALLCENTER_BROKER_URL", "tcp://127.0.0.1:" + closedPort,
                "CALLCENTER_BROKER_USER", "it-broker-user",
                "CALLCENTER_BROKER_PASSWORD", BROKER_SECRET,
                "CALLCENTER_ADMIN_PASSWORD", "broker-down-admin-1"))) {
            assertTrue(server.awaitOutput("WFLYSRV0025", BOOT), "never started:\n" + server.outputText());
            Api api = Api.at(server.url());
            Api.Reply ready = api.get("health/ready", null);
            assertEquals(503, ready.status(), ready.toString());
            assertTrue(ready.body().contains("broker"), ready.toString());

            String admin = api.login("admin", "broker-down-admin-1");
            String client = api.clientToken(admin);
            Api.Reply call = api.post("api/calls/initiate",
                    "{\"callerName\":\"No Broker\",\"phoneNumber\":\"0711000444\"}", client);
            assertEquals(503, call.status(), call.toString());
            assertTrue(call.isProblem(), call.toString());
            assertTrue(call.json().getString("detail").contains("broker"), call.toString());
            Api.Reply calls = api.get("api/calls", admin);
            assertEquals(200, calls.status(), calls.toString());
            assertTrue(calls.json().getJsonArray("items").isEmpty(), "a refused call must not be stored: " + calls);
            assertFalse(server.outputText().contains(BROKER_SECRET),
                    "the broker password must never be logged, not even while the broker cannot be reached");
        }
    }

    /**
     * A database that gives no connection in time (here: a pool of two, both held by statements waiting on a lock
     * that stands for a slow database) is a 503 with Retry-After, as api.md answers a needed part out of reach, not
     * a 500 incident; the refused change is not stored, and the node serves again once connections come back.
     */
    @Test
    void aRequestThatGetsNoDatabaseConnectionIsA503AndChangesNothing() throws Exception {
        Postgresql db = Postgresql.fresh("_pool");
        String url = db.url();
        String user = db.user();
        String password = db.password();
        Path dir = workDir("pool-exhausted");
        ExecutorService requests = Executors.newFixedThreadPool(2);
        try (BootableJar server = BootableJar.start(dir, JAR_PORT + 600, db.env(
                "CALLCENTER_ADMIN_PASSWORD", "pool-admin-1", "CALLCENTER_DB_POOL_SIZE", "2"))) {
            assertTrue(server.awaitReady(BOOT), "never ready:\n" + server.outputText());
            Api api = Api.at(server.url());
            String adminToken = api.login("admin", "pool-admin-1");
            List<Future<Api.Reply>> held = new ArrayList<>();
            try (WsClient agent = WsClient.agent(server.url(), adminToken);
                 Connection lock = DriverManager.getConnection(url, user, password)) {
                lock.setAutoCommit(false);
                lock.createStatement().execute("LOCK TABLE calls IN ACCESS EXCLUSIVE MODE");
                for (int i = 0; i < 2; i++) {
                    held.add(requests.submit(() -> api.get("api/calls", adminToken)));
                }
                awaitWaitingOnLocks(url, user, password, 2);

                long sent = System.nanoTime();
                Api.Reply refused = api.post("api/queues", "{\"name\":\"no-connection\",\"strategy\":\"longest-idle\"}",
                        adminToken);
                long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                assertEquals(503, refused.status(), refused.toString());
                assertTrue(refused.isProblem(), refused.toString());
                assertEquals("5", refused.header("Retry-After"), refused.toString());
                assertTrue(refused.json().getString("detail").contains("database"), refused.toString());
                System.out.printf("no database connection: 503 after %d ms%n", waitedMillis);
                // The same over the socket: an event that found no connection is answered, not dropped or "internal".
                agent.send("agent:status", Json.createObjectBuilder().add("status", "away").build());
                JsonObject error = agent.await("error", Duration.ofSeconds(20)).asJsonObject();
                assertEquals("unavailable", error.getString("code"), error.toString());
                lock.rollback();
            }
            for (Future<Api.Reply> request : held) {
                int status = request.get(60, TimeUnit.SECONDS).status();
                assertTrue(status == 200 || status == 503, "a request that waited answers or says to retry: " + status);
            }
            Api.Reply queues = api.get("api/queues", adminToken);
            assertEquals(200, queues.status(), "the node serves again once connections come back: " + queues);
            assertFalse(queues.body().contains("no-connection"), "a refused change must not be stored: " + queues);
            assertTrue(server.outputText().contains("No database connection for a request"), server.outputText());
            assertFalse(server.outputText().contains("Unexpected failure"),
                    "no connection is not an incident with a stack trace:\n" + server.outputText());
        } finally {
            requests.shutdownNow();
        }
        TestDatabases.drop(db.database());
    }

    /**
     * SIGTERM (a rolling restart's stop): every socket is told 1012, and the node records its registered sockets as
     * closed before it stops, so an agent that does not come back goes offline after its grace period rather than
     * stay available on a socket that is gone. The drain records them in batches, not in the sockets' close
     * handlers; were the batch missing or refused (WildFly already suspended), the rows would stay.
     */
    @Test
    void aStoppedNodeClosesItsSocketsWith1012AndRecordsThemClosed() throws Exception {
        Postgresql db = Postgresql.fresh("_drain");
        Path dir = workDir("drain");
        List<WsClient> sockets = new ArrayList<>();
        BootableJar server = BootableJar.start(dir, JAR_PORT + 700, db.env(
                "CALLCENTER_ADMIN_PASSWORD", System.getProperty("it.admin.password")));
        try {
            assertTrue(server.awaitReady(BOOT), "never ready:\n" + server.outputText());
            Api api = Api.at(server.url());
            for (int i = 0; i < 3; i++) {
                sockets.add(WsClient.agent(server.url(), api.createUser("agent").token()));
            }
            sockets.add(WsClient.connect(server.url(), api.createUser("agent").token())); // open, never registered
            assertEquals(3, db.count("SELECT COUNT(*) FROM agent_sockets"), "three registered");
        } finally {
            server.close();
        }
        for (WsClient socket : sockets) {
            assertEquals(1012, socket.awaitClose(Duration.ofSeconds(10)), "told to reconnect elsewhere");
        }
        assertTrue(server.outputText().contains("Drained: 4 WebSockets closed"), server.outputText());
        assertEquals(0, db.count("SELECT COUNT(*) FROM agent_sockets"),
                "the stopped node's sockets are recorded closed");
        assertEquals(3, db.count("SELECT COUNT(*) FROM agent_presence"
                + " WHERE status = 'available' AND disconnected_at IS NOT NULL"),
                "the three agents' grace periods started: available until it ends, unless they come back");
        TestDatabases.drop(db.database());
    }

    /** A PostgreSQL database of this test's own, created empty, for a jar started on it. */
    private record Postgresql(String database, String url, String user, String password) {

        static Postgresql fresh(String suffix) throws Exception {
            String database = System.getProperty("it.db.name", "callcenter_it") + suffix;
            TestDatabases.recreate(database);
            return new Postgresql(database, TestDatabases.url(database), System.getProperty("it.db.user"),
                    System.getProperty("it.db.password"));
        }

        /** The jar's settings for this database, and {@code more} (names and values). */
        Map<String, String> env(String... more) {
            Map<String, String> env = new java.util.HashMap<>(Map.of("CALLCENTER_DB", "postgresql",
                    "CALLCENTER_DB_URL", url, "CALLCENTER_DB_USER", user, "CALLCENTER_DB_PASSWORD", password));
            for (int i = 0; i < more.length; i += 2) {
                env.put(more[i], more[i + 1]);
            }
            return env;
        }

        long count(String sql) throws Exception {
            try (Connection db = DriverManager.getConnection(url, user, password);
                 ResultSet rows = db.createStatement().executeQuery(sql)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Until {@code count} of the server's statements wait for a lock, each holding one of its connections. */
    private static void awaitWaitingOnLocks(String url, String user, String password, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = DriverManager.getConnection(url, user, password);
             Statement sql = watcher.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet waiting = sql.executeQuery("SELECT COUNT(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
                    waiting.next();
                    if (waiting.getInt(1) >= count) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the server's statements never waited on the lock");
    }

    private static String generatedPassword(List<String> output) {
        for (String line : output) {
            Matcher matcher = GENERATED_PASSWORD.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("no generated admin password in the output:\n" + String.join("\n", output));
    }
}
