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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;

/**
 * A server under test, started fresh by the benchmark as its own process: the product's bootable jar
 * ({@link ProductServer}) or a Node comparator ({@link NodeServer}). Knows how to make agents' tokens, how to
 * initiate a call, and reads the process's CPU time and RSS from /proc.
 */
abstract class Target {

    /** HTTP/1.1: an h2c upgrade request is taken by the Node servers as a WebSocket upgrade and never answered. */
    static final HttpClient REQUESTS = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(4)).build();
    /** One reader factory: {@code Json.createReader} looks the JSON provider up anew on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    final String name;
    final Wire wire;
    final int port;
    final URI base;
    final Path work;
    Process process;
    private final KeyPair keys;

    Target(String name, Wire wire, int port) throws Exception {
        this(name, wire, port, newKeys());
    }

    /** With a given signing key: the nodes of a cluster share one. */
    Target(String name, Wire wire, int port, KeyPair keys) throws Exception {
        this.name = name;
        this.wire = wire;
        this.port = port;
        this.base = URI.create("http://127.0.0.1:" + port + "/");
        this.work = Files.createTempDirectory("callcenter-bench-" + name.replaceAll("\\W", "-"));
        this.keys = keys;
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    final KeyPair keys() {
        return keys;
    }

    /**
     * Every process the target's figures (CPU, RSS) and its stop cover, in the order they stop: the launched one;
     * a cluster adds its nodes and broker.
     */
    List<Process> processes() {
        return process == null ? List.of() : List.of(process);
    }

    /** Starts the process; answers the seconds from the start to the first 200 of {@code /health/ready}. */
    final double start() throws Exception {
        prepare();
        long t0 = System.nanoTime();
        process = launch();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(300)) {
                throw new IllegalStateException(name + " did not become ready; see " + work.resolve("server.log"));
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** What must exist before the process starts (not timed). */
    void prepare() throws Exception {
    }

    abstract Process launch() throws Exception;

    /** Creates {@code count} agents; answers their socket tokens. */
    abstract List<String> agents(int count) throws Exception;

    /** A token the initiate requests carry, or null. */
    abstract String clientToken() throws Exception;

    /**
     * Waits, at most {@code timeout}, until the server has ended the work it does on its own after it is ready (the
     * product's start-up warm-up); false for a server that has none, or that did not end it in time.
     */
    boolean awaitSettled(Duration timeout) throws Exception {
        return false;
    }

    final void stop() throws InterruptedException {
        for (Process each : processes()) {
            each.destroy();
            if (!each.waitFor(60, TimeUnit.SECONDS)) {
                each.destroyForcibly();
            }
        }
    }

    final Process spawn(List<String> command, Map<String, String> env, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CALLCENTER_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    /** A user token for an agent, signed with this target's key (the product verifies it, Node only reads it). */
    final String token(String subject, String role) {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"callcenter\",\"sub\":\"" + subject + "\",\"upn\":\"bench\",\"groups\":[\"" + role + "\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\","
                // The user's token generation: 0 for a user that never changed its password, role or enabled flag.
                + "\"gen\":0}");
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    final String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
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

    /** Initiates one call; answers its id. */
    final String initiate(String body, String clientToken) {
        HttpResponse<String> response = post("api/calls/initiate", body, clientToken);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("initiate answered " + response.statusCode() + ": " + response.body());
        }
        return json(response.body()).getString("id");
    }

    final HttpResponse<String> post(String path, String body, String token) {
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

    /** The processes' resident memory in MB, summed; -1 where there is no /proc. */
    final long rssMb() {
        long sum = 0;
        for (Process each : processes()) {
            long kb = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(each.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kb = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                // not on Linux
            }
            if (kb < 0) {
                return -1;
            }
            sum += kb;
        }
        return sum / 1024;
    }

    /**
     * How many of the processes that are JVMs report a Java-level deadlock in a thread dump ({@code jcmd PID
     * Thread.print -l}: the JDK's own detection of threads waiting on each other's monitors or locks). A deadlocked
     * node may still pass the benchmark (its own events reach its sockets at their commit) and then hang at SIGTERM;
     * the embedded broker's synchronous VM transport did both on 2026-12-06. Non-Java processes (Node, HAProxy) count 0.
     */
    final int deadlocked() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        int found = 0;
        for (Process each : processes()) {
            boolean jvm = each.info().command().map(c -> Path.of(c).getFileName().toString().equals("java")).orElse(false);
            if (!jvm || !each.isAlive()) {
                continue;
            }
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(each.pid()), "Thread.print", "-l")
                    .redirectErrorStream(true).start();
            String threads = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!dump.waitFor(60, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                throw new IOException("jcmd " + each.pid() + " Thread.print failed: " + threads);
            }
            if (threads.contains("Found one Java-level deadlock")) {
                Path copy = work.resolve("deadlock-" + each.pid() + ".txt");
                Files.writeString(copy, threads);
                System.out.printf("  JAVA-LEVEL DEADLOCK in process %d: thread dump in %s%n", each.pid(), copy);
                found++;
            }
        }
        return found;
    }

    /** The processes' CPU time (user + system) so far in ms, summed, from /proc/<pid>/stat; -1 where there is none. */
    final long cpuMillis() {
        long sum = 0;
        for (Process each : processes()) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(each.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks of 10 ms.
                sum += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return sum;
    }

    /**
     * CPU ms so far per kind of thread (the name from /proc/<pid>/task/<tid>/stat without its digits: "default I/O-",
     * "C2 CompilerThre", "GC Thread#"), to see which threads a measured window's CPU went to.
     */
    final Map<String, Long> cpuMillisByThread() {
        Map<String, Long> byName = new java.util.TreeMap<>();
        for (Process each : processes()) {
            addThreadCpu(each, byName);
        }
        return byName;
    }

    private static void addThreadCpu(Process process, Map<String, Long> byName) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    byName.merge(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            // not on Linux
        }
    }

    static JsonObject json(String text) {
        try (var reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A Node comparator: {@code node <script>} in the comparators' directory; agents need no set-up there. */
    static final class NodeServer extends Target {

        private final Path directory;
        private final String script;

        NodeServer(String name, Wire wire, int port, Path directory, String script) throws Exception {
            super(name, wire, port);
            this.directory = directory;
            this.script = script;
        }

        @Override
        Process launch() throws IOException {
            return spawn(List.of(System.getProperty("bench.node", "node"), script), Map.of("PORT", Integer.toString(port)), directory);
        }

        @Override
        List<String> agents(int count) {
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                tokens.add(token(UUID.randomUUID().toString(), "agent"));
            }
            return tokens;
        }

        @Override
        String clientToken() {
            return null;
        }
    }
}
