package callcenter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/**
 * The crash drill of issue 13: the bootable jar under a steady initiate load (8 clients, each request with its own
 * Idempotency-Key) is killed with SIGKILL, started again on the same data, and then every call that was answered
 * 201 before the kill must be there, every acknowledged key must give the same call again, and every request cut
 * off by the kill must be retriable at once (never "in progress"), ending with exactly one call per key. Run on
 * the embedded database and on PostgreSQL.
 */
class CrashDrillIT {

    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final int PORT = Integer.getInteger("it.jar.port", 18080) + 500;
    private static final int CLIENTS = 8;
    private static final Duration LOAD = Duration.ofSeconds(8);
    private static final String ADMIN_PASSWORD = "crash-drill-admin-" + UUID.randomUUID();

    /** One request of the load: its key and body, and what the server answered before the kill, if anything. */
    private record Sent(String key, String body, int status, String callId) {
        boolean acknowledged() {
            return status == 201;
        }
    }

    @Test
    void embeddedDatabaseKeepsEveryAcknowledgedCallAndKey() throws Exception {
        drill("h2", Map.of("CALLCENTER_ADMIN_PASSWORD", ADMIN_PASSWORD));
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedCallAndKey() throws Exception {
        String database = System.getProperty("it.db.name", "callcenter_it") + "_crash";
        TestDatabases.recreate(database);
        drill("postgresql", Map.of("CALLCENTER_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "CALLCENTER_DB", "postgresql",
                "CALLCENTER_DB_URL", TestDatabases.url(database),
                "CALLCENTER_DB_USER", System.getProperty("it.db.user"),
                "CALLCENTER_DB_PASSWORD", System.getProperty("it.db.password")));
    }

    private void drill(String name, Map<String, String> env) throws Exception {
        Path dir = Path.of(System.getProperty("it.work.dir"), "crash-" + name + "-" + System.nanoTime());
        Files.createDirectories(dir);
        List<Sent> sent = new ArrayList<>();
        String clientToken;
        try (BootableJar server = BootableJar.start(dir, PORT, env)) {
            assertTrue(server.awaitReady(BOOT), "never ready:\n" + server.outputText());
            Api api = Api.at(server.url());
            clientToken = api.clientToken(api.login("admin", ADMIN_PASSWORD));
            sent.addAll(loadThenKill(server, api, clientToken));
        }
        long acknowledged = sent.stream().filter(Sent::acknowledged).count();
        List<Sent> cutOff = sent.stream().filter(s -> s.status() == 0).toList();
        System.out.printf("crash drill (%s): %d requests, %d answered 201 before the kill, %d cut off%n",
                name, sent.size(), acknowledged, cutOff.size());
        assertTrue(acknowledged > 20, "the load did not get going: " + acknowledged + " calls");

        try (BootableJar server = BootableJar.start(dir, PORT, env)) {
            assertTrue(server.awaitReady(BOOT), "never ready after the kill:\n" + server.outputText());
            Api api = Api.at(server.url());
            String admin = api.login("admin", ADMIN_PASSWORD);
            Map<String, String> callOfKey = new HashMap<>();
            for (Sent request : sent) {
                if (request.acknowledged()) {
                    Api.Reply kept = api.get("api/calls/" + request.callId(), admin);
                    assertEquals(200, kept.status(), "acknowledged call lost (" + name + "): " + kept);
                }
                // Acknowledged or cut off, a retry with the key gets on at once: the same call, or the one call
                // the cut-off request should have made. Never "in progress" for a request whose node restarted.
                Api.Reply retry = api.post("api/calls/initiate", request.body(), clientToken,
                        Map.of("Idempotency-Key", request.key()));
                assertTrue(retry.status() == 200 || retry.status() == 201 && !request.acknowledged(),
                        "retry of " + (request.acknowledged() ? "an acknowledged" : "a cut-off") + " request ("
                                + name + "): " + retry);
                String callId = retry.json().getString("id");
                if (request.acknowledged()) {
                    assertEquals(request.callId(), callId, "the key gave another call (" + name + ")");
                }
                callOfKey.put(request.key(), callId);
            }
            for (Sent request : cutOff) {
                Api.Reply again = api.post("api/calls/initiate", request.body(), clientToken,
                        Map.of("Idempotency-Key", request.key()));
                assertEquals(200, again.status(), again.toString());
                assertEquals(callOfKey.get(request.key()), again.json().getString("id"));
            }
            assertEquals(new HashSet<>(callOfKey.values()).size(), callOfKey.size(), "two keys, one call");
            assertEquals(callOfKey.size(), countCalls(api, admin), "exactly one call per key (" + name + ")");
        }
    }

    /** Eight clients initiate calls as fast as the server answers; the server is killed in the middle of it. */
    private static List<Sent> loadThenKill(BootableJar server, Api api, String token) throws Exception {
        ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    String key = "crash-" + client + "-" + i + "-" + UUID.randomUUID();
                    String body = "{\"callerName\":\"Crash " + client + "-" + i + "\",\"phoneNumber\":\"07110"
                            + String.format("%05d", (client * 10_000 + i) % 100_000) + "\"}";
                    try {
                        Api.Reply reply = api.post("api/calls/initiate", body, token, Map.of("Idempotency-Key", key));
                        sent.add(new Sent(key, body, reply.status(),
                                reply.status() == 201 ? reply.json().getString("id") : null));
                    } catch (UncheckedIOException e) {
                        // Sent, never answered: the kill cut it off. After the kill, nothing gets through.
                        sent.add(new Sent(key, body, 0, null));
                        return;
                    }
                }
            });
        }
        Thread.sleep(LOAD.toMillis());
        server.kill();
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        List<Sent> all = new ArrayList<>(sent);
        Set<Integer> statuses = new HashSet<>();
        all.forEach(s -> statuses.add(s.status()));
        assertTrue(Set.of(0, 201).containsAll(statuses), "only 201s before the kill: " + statuses);
        return all;
    }

    private static int countCalls(Api api, String admin) {
        int count = 0;
        String cursor = null;
        do {
            Api.Reply page = api.get("api/calls?limit=500" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertEquals(200, page.status(), page.toString());
            count += page.json().getJsonArray("items").size();
            JsonValue next = page.json().get("nextCursor");
            cursor = next == null || next.getValueType() == JsonValue.ValueType.NULL ? null
                    : page.json().getString("nextCursor");
        } while (cursor != null);
        return count;
    }
}
