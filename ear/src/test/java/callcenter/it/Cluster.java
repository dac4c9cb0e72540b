package callcenter.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cluster as docs/clustering.md starts it on one host, for the black-box cluster tests: the repository's
 * {@code config/cluster/broker.sh} (Artemis) and {@code haproxy.sh}, and N bootable jars on one PostgreSQL database
 * of their own (created here, dropped by {@link #close}) with one signing key. Everything started is stopped by
 * {@link #close}. Missing tools (haproxy) fail the test: a cluster test that skips proves nothing.
 */
final class Cluster implements AutoCloseable {

    static final Duration BOOT = Duration.ofSeconds(240);

    private final Path dir;
    private final int basePort;
    private final String database;
    private final Map<String, String> env = new HashMap<>();
    private final List<BootableJar> nodes = new ArrayList<>();
    private Process broker;
    /** The pair's brokers by port (the one started as primary on +90, its backup on +91), and which one is live. */
    private final Map<Integer, Process> pair = new HashMap<>();
    /** The log of the broker process now on each port of the pair. */
    private final Map<Integer, Path> pairLogs = new HashMap<>();
    private boolean brokerPair;
    private int livePort;
    private Process haproxy;

    private Cluster(Path dir, int basePort, String database) {
        this.dir = dir;
        this.basePort = basePort;
        this.database = database;
    }

    /** Broker, {@code count} nodes and the balancer, each node ready and the balancer answering. */
    static Cluster start(int count, Map<String, String> settings) throws Exception {
        return start(count, settings, false);
    }

    /**
     * As {@link #start(int, Map)}, on a replicated Artemis primary/backup pair (docs/clustering.md, "A broker pair"):
     * the nodes list both in a failover URL. {@code -Dit.cluster.brokerBackup=false} leaves the backup out (the URL
     * still lists it), to see the failover test fail without it.
     */
    static Cluster startWithBrokerPair(int count, Map<String, String> settings) throws Exception {
        return start(count, settings, true);
    }

    private static Cluster start(int count, Map<String, String> settings, boolean brokerPair) throws Exception {
        int basePort = Integer.getInteger("it.cluster.port", 18600);
        Path dir = Path.of(System.getProperty("it.work.dir"), "cluster-" + System.nanoTime());
        Files.createDirectories(dir);
        Cluster cluster = new Cluster(dir, basePort, System.getProperty("it.db.name") + "_cluster");
        try {
            cluster.createDatabase();
            cluster.writeSigningKey();
            cluster.brokerPair = brokerPair;
            if (brokerPair) {
                cluster.startBrokerPair();
            } else {
                cluster.startBroker();
            }
            cluster.env.putAll(Map.of(
                    "CALLCENTER_DB", "postgresql",
                    "CALLCENTER_DB_URL", "jdbc:postgresql://" + System.getProperty("it.db.host") + "/" + cluster.database,
                    "CALLCENTER_DB_USER", System.getProperty("it.db.user"),
                    "CALLCENTER_DB_PASSWORD", System.getProperty("it.db.password"),
                    "CALLCENTER_ADMIN_PASSWORD", System.getProperty("it.admin.password"),
                    "CALLCENTER_JWT_KEY_FILE", dir.resolve("jwt.pem").toString(),
                    "CALLCENTER_BROKER_URL", cluster.brokerUrl(),
                    "CALLCENTER_BROKER_USER", "cluster-it",
                    "CALLCENTER_BROKER_PASSWORD", "cluster-it-secret",
                    // Beside the Arquillian server (30) on one PostgreSQL of max_connections 100: three nodes (and
                    // ClusterIT's fourth) at the default 30 each grew their pools in the rolling restart until
                    // PostgreSQL refused connections ("remaining connection slots are reserved") and registrations
                    // failed; so 15 there. Two nodes keep the default: with 15, initiates blocked on a frozen broker
                    // held their connections and the next ones timed out waiting for one (500s in ClusterBrokerFailoverIT).
                    "CALLCENTER_DB_POOL_SIZE", count > 2 ? "15" : "30"));
            cluster.env.putAll(settings);
            for (int i = 1; i <= count; i++) {
                cluster.nodes.add(null);
            }
            for (int i = 1; i <= count; i++) {
                cluster.startNode(i);
                if (i == 1) {
                    // The first node alone: it runs the migrations and generates the shared key file.
                    cluster.awaitReady(i);
                }
            }
            for (int i = 2; i <= count; i++) {
                cluster.awaitReady(i);
            }
            cluster.startBalancer();
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    URL balancer() {
        return url(basePort);
    }

    URL node(int i) {
        return nodes.get(i - 1).url();
    }

    BootableJar jar(int i) {
        return nodes.get(i - 1);
    }

    int nodePort(int i) {
        return basePort + 10 * i;
    }

    private int brokerPort() {
        return basePort + 90;
    }

    private int backupBrokerPort() {
        return basePort + 91;
    }

    /**
     * One broker, or the pair in order with ActiveMQ's failover transport; {@code timeout}: a publish with no broker
     * reachable fails after 5 s (503) instead of blocking until one is back.
     */
    private String brokerUrl() {
        return brokerPair
                ? "failover:(tcp://127.0.0.1:" + brokerPort() + ",tcp://127.0.0.1:" + backupBrokerPort()
                        + ")?randomize=false&timeout=5000"
                : "tcp://127.0.0.1:" + brokerPort();
    }

    /** The broker's TLS-only OpenWire acceptor (its certificate: {@link #trustStore()}). */
    int brokerTlsPort() {
        return basePort + 92;
    }

    /** A PKCS#12 trust store holding the broker's self-signed certificate, password {@link #TRUST_STORE_PASSWORD}. */
    Path trustStore() {
        return dir.resolve("broker-trust.p12");
    }

    static final String TRUST_STORE_PASSWORD = "cluster-it-trust";

    void startNode(int i) {
        Map<String, String> nodeEnv = new HashMap<>(env);
        nodeEnv.put("CALLCENTER_NODE_ID", "node" + i);
        nodeEnv.put("CALLCENTER_DATA_DIR", dir.resolve("node" + i + "/data").toString());
        nodes.set(i - 1, startJar(i, nodeEnv));
    }

    /** Another jar on this cluster's database and broker, with the given settings (for refusals). */
    BootableJar startExtra(int port, Map<String, String> settings) {
        Map<String, String> extraEnv = new HashMap<>(env);
        extraEnv.putAll(settings);
        return startJar(port, extraEnv);
    }

    private BootableJar startJar(int nodeOrPort, Map<String, String> nodeEnv) {
        int port = nodeOrPort < 100 ? nodePort(nodeOrPort) : nodeOrPort;
        Path work = dir.resolve("work-" + port + "-" + System.nanoTime());
        try {
            Files.createDirectories(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BootableJar.start(work, port, nodeEnv);
    }

    void awaitReady(int i) throws InterruptedException {
        BootableJar jar = nodes.get(i - 1);
        long deadline = System.nanoTime() + BOOT.toNanos();
        while (!jar.awaitReady(Duration.ofSeconds(5))) {
            // A failed deployment never becomes ready: say so now rather than after the whole boot time.
            if (System.nanoTime() > deadline || jar.outputText().contains("WFLYSRV0026")) {
                throw new AssertionError("node" + i + " never ready:\n" + tail(jar.outputText()));
            }
        }
    }

    /** SIGTERM, and waits for the process to exit: a rolling restart's stop. */
    void stopNode(int i) throws InterruptedException {
        nodes.get(i - 1).close();
    }

    /** SIGKILL. */
    void killNode(int i) throws InterruptedException {
        nodes.get(i - 1).kill();
    }

    /** The single broker. */
    void startBroker() throws Exception {
        if (!Files.exists(trustStore())) {
            writeBrokerCertificate();
        }
        broker = startBrokerProcess("broker", brokerPort(), 0, false, "AMQ221007");
    }

    /** The pair: the primary (live once it says AMQ221007), then its backup (ready once in sync: AMQ221024). */
    private void startBrokerPair() throws Exception {
        pair.put(brokerPort(), startBrokerProcess("broker-primary", brokerPort(), backupBrokerPort(), false, "AMQ221007"));
        pairLogs.put(brokerPort(), dir.resolve("broker-primary.log"));
        livePort = brokerPort();
        if (Boolean.parseBoolean(System.getProperty("it.cluster.brokerBackup", "true"))) {
            startBackupOfLiveBroker();
        }
    }

    /**
     * A new backup of the pair's live broker on the other port, with a new instance (journal) of its own, as an
     * operator replaces a failed broker: it copies the live broker's journal and is ready once in sync (AMQ221024).
     */
    void startBackupOfLiveBroker() throws Exception {
        int port = otherBrokerPort(livePort);
        String name = "broker-backup-" + port + "-" + System.nanoTime();
        pair.put(port, startBrokerProcess(name, port, livePort, true, "AMQ221024"));
        pairLogs.put(port, dir.resolve(name + ".log"));
    }

    /** Whether the pair has a backup now (a test run alone starts with one; after a failover there is none). */
    boolean hasBackupBroker() {
        return pair.size() == 2;
    }

    /**
     * SIGSTOP to the pair's live broker: a hung host or a network cut, without the connection resets a dying process
     * gives. The backup takes over when its replication link times out; the clients notice when their own link
     * does, each at its own moment. Returns the frozen process for {@link #killFrozenBroker}.
     */
    Process freezeLiveBroker() throws Exception {
        Process live = pair.remove(livePort);
        new ProcessBuilder("kill", "-STOP", Long.toString(live.pid())).inheritIO().start().waitFor();
        livePort = otherBrokerPort(livePort);
        return live;
    }

    /** SIGKILL to a frozen broker: fenced before it could wake up as a second live broker. */
    void killFrozenBroker(Process frozen) throws InterruptedException {
        frozen.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM to the pair's live broker, waiting for it to exit; its backup (if any) is the live one from now on. */
    void stopLiveBroker() throws InterruptedException {
        stop(pair.remove(livePort));
        livePort = otherBrokerPort(livePort);
    }

    /** SIGKILL to the pair's live broker: no goodbye to its backup or its clients. */
    void killLiveBroker() throws InterruptedException {
        Process live = pair.remove(livePort);
        live.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        livePort = otherBrokerPort(livePort);
    }

    /** The log of the broker now expected live (the former backup), to read when it activated. */
    boolean liveBrokerSaysActive() throws IOException {
        return Files.readString(pairLogs.get(livePort)).contains("AMQ221007");
    }

    private int otherBrokerPort(int port) {
        return port == brokerPort() ? backupBrokerPort() : brokerPort();
    }

    private Process startBrokerProcess(String name, int port, int peerPort, boolean backup, String ready) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder("bash", script("broker.sh"), dir.resolve(name).toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("BROKER_PORT", Integer.toString(port));
        if (peerPort != 0) {
            builder.environment().put("BROKER_PEER", "127.0.0.1:" + peerPort);
            builder.environment().put("BROKER_BACKUP", Boolean.toString(backup));
        }
        builder.environment().put("CALLCENTER_BROKER_USER", "cluster-it");
        builder.environment().put("CALLCENTER_BROKER_PASSWORD", "cluster-it-secret");
        builder.environment().put("ARTEMIS_ZIP", System.getProperty("it.artemis.zip"));
        if (peerPort == 0) {
            // The single broker also speaks TLS on a port of its own (a node over ssl:// in ClusterIT).
            builder.environment().put("BROKER_TLS_PORT", Integer.toString(brokerTlsPort()));
            builder.environment().put("BROKER_KEYSTORE", dir.resolve("broker-key.p12").toString());
            builder.environment().put("BROKER_KEYSTORE_PASSWORD", "cluster-it-key");
        }
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!Files.readString(log).contains(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("the " + name + " did not start:\n" + tail(Files.readString(log)));
            }
            Thread.sleep(200);
        }
        return process;
    }

    /** SIGTERM to the broker (the script execs it), waiting for it to exit. */
    void stopBroker() throws InterruptedException {
        stop(broker);
        broker = null;
    }



    private void startBalancer() throws Exception {
        StringBuilder servers = new StringBuilder();
        for (int i = 1; i <= nodes.size(); i++) {
            servers.append("127.0.0.1:").append(nodePort(i)).append(' ');
        }
        ProcessBuilder builder = new ProcessBuilder("bash", script("haproxy.sh"), dir.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile());
        builder.environment().put("NODES", servers.toString().trim());
        builder.environment().put("LB_PORT", Integer.toString(basePort));
        haproxy = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!haproxy.isAlive()) {
                throw new AssertionError("HAProxy did not start (Debian: apt-get install haproxy; .ci/run installs it):\n"
                        + Files.readString(dir.resolve("haproxy.log")));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(balancer() + "health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("HAProxy never answered ready:\n" + Files.readString(dir.resolve("haproxy.log")));
            }
            Thread.sleep(250);
        }
    }

    /**
     * The broker's key and self-signed certificate for localhost (what an operator gets from a CA), and a trust store
     * with that certificate for the nodes, made with the JDK's keytool.
     */
    private void writeBrokerCertificate() throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Path key = dir.resolve("broker-key.p12");
        Path cert = dir.resolve("broker.crt");
        keytool(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", key.toString(), "-storepass", "cluster-it-key");
        keytool(keytool, "-exportcert", "-alias", "broker", "-keystore", key.toString(), "-storepass", "cluster-it-key",
                "-file", cert.toString());
        keytool(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore().toString(), "-storepass", TRUST_STORE_PASSWORD);
    }

    private void keytool(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new AssertionError("keytool failed: " + output);
        }
    }

    /** The one signing key of every node, as an operator provides it: an RSA key in a PKCS#8 PEM file. */
    private void writeSigningKey() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(dir.resolve("jwt.pem"), pem);
    }

    private void createDatabase() throws Exception {
        TestDatabases.recreate(database);
    }

    /** A query on the cluster's database, for what the API does not show (which node holds a socket). */
    List<String> query(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(env.get("CALLCENTER_DB_URL"),
                env.get("CALLCENTER_DB_USER"), env.get("CALLCENTER_DB_PASSWORD"));
             var rows = connection.createStatement().executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String script(String name) {
        // The tests run in ear/: the scripts are the repository's own.
        Path path = Path.of(System.getProperty("it.cluster.scripts", "../config/cluster"), name).toAbsolutePath();
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("missing " + path);
        }
        return path.toString();
    }

    private static URL url(int port) {
        try {
            return URI.create("http://127.0.0.1:" + port + "/").toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tail(String text) {
        return text.length() > 20_000 ? text.substring(text.length() - 20_000) : text;
    }

    private static void stop(Process process) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop(haproxy);
        for (BootableJar node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        stop(broker);
        for (Process process : pair.values()) {
            stop(process);
        }
        TestDatabases.drop(database);
    }
}
