package callcenter.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

/**
 * The product: the bootable jar on a freshly created PostgreSQL database. Set-up shortcuts, so that the figures
 * measure the push and not password hashing: agents are inserted with JDBC (all with one password hash made by
 * the server itself), and their tokens are signed by the benchmark with the key it hands the server as
 * CALLCENTER_JWT_KEY_FILE.
 */
final class ProductServer extends Target {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    /** MemoryTrim's one line once the start-up warm-up (or, without one, the deployment) is over, whatever it did. */
    private static final Pattern SETTLED = Pattern.compile("Start-up memory|Heap free ratios set when the JVM started");

    private final String jar;
    private final String options;
    private final String dbHost;
    private final String dbAdmin;
    // Dropped and created by each run: two benchmarks at once on one PostgreSQL need two names.
    private final String dbName = System.getProperty("bench.db.name", "callcenter_bench");
    private final String dbUrl;
    /** Arguments of the bootable jar itself, after -jar: e.g. --cli-script=F to switch on an access log for a run. */
    private final String serverArgs = System.getProperty("bench.serverArgs", "").trim();

    /** Settings beyond the single node's (a cluster node's broker and node id); empty for a single node. */
    private final Map<String, String> nodeSettings;
    private final boolean createsDatabase;

    ProductServer(String name, int port, String jar, String options, String dbHost, String dbAdmin) throws Exception {
        super(name, Wire.PRODUCT, port);
        this.jar = jar;
        this.options = options.trim();
        this.dbHost = dbHost;
        this.dbAdmin = dbAdmin;
        this.dbUrl = "jdbc:postgresql://" + dbHost + "/" + dbName;
        this.nodeSettings = Map.of();
        this.createsDatabase = true;
    }

    /** A node of a {@link ClusterServer}: the cluster's key and settings; only the first node creates the database. */
    ProductServer(String name, int port, ClusterServer cluster, Map<String, String> nodeSettings, boolean createsDatabase)
            throws Exception {
        super(name, Wire.PRODUCT, port, cluster.keys());
        this.jar = cluster.jar;
        this.options = cluster.options;
        this.dbHost = cluster.dbHost;
        this.dbAdmin = cluster.dbAdmin;
        this.dbUrl = "jdbc:postgresql://" + dbHost + "/" + dbName;
        this.nodeSettings = Map.copyOf(nodeSettings);
        this.createsDatabase = createsDatabase;
    }

    @Override
    boolean awaitSettled(Duration timeout) throws Exception {
        Path log = work.resolve("server.log");
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            // Latin-1: any byte reads, whatever the log's encoding.
            if (Files.exists(log) && SETTLED.matcher(Files.readString(log, StandardCharsets.ISO_8859_1)).find()) {
                return true;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** A fresh database for every run: the server starts as on a first deployment. */
    @Override
    void prepare() throws Exception {
        if (!createsDatabase) {
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + dbHost + "/postgres", dbAdmin, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            s.execute("DROP ROLE IF EXISTS " + dbName);
            s.execute("CREATE ROLE " + dbName + " LOGIN PASSWORD '" + dbName + "'");
            s.execute("CREATE DATABASE " + dbName + " OWNER " + dbName);
            // bench.db.settings: PostgreSQL settings for the product's database (name=value;...), as an operator
            // would set them with ALTER DATABASE, e.g. plan_cache_mode=force_generic_plan.
            for (String setting : System.getProperty("bench.db.settings", "").split(";")) {
                if (setting.contains("=")) {
                    String[] nameValue = setting.split("=", 2);
                    s.execute("ALTER DATABASE " + dbName + " SET " + nameValue[0].trim() + " = '" + nameValue[1].trim() + "'");
                }
            }
        }
    }

    @Override
    Process launch() throws Exception {
        Path keyFile = work.resolve("jwt.pem");
        Files.writeString(keyFile, privateKeyPem());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
        if (!serverArgs.isEmpty()) {
            command.addAll(List.of(serverArgs.split("\\s+")));
        }
        Map<String, String> env = new java.util.HashMap<>(nodeSettings);
        env.putAll(Map.of(
                "PORT", Integer.toString(port),
                "CALLCENTER_MANAGEMENT_PORT", Integer.toString(port + 1),
                "CALLCENTER_DB", "postgresql",
                "CALLCENTER_DB_URL", dbUrl,
                "CALLCENTER_DB_USER", dbName,
                "CALLCENTER_DB_PASSWORD", dbName,
                "CALLCENTER_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "CALLCENTER_JWT_KEY_FILE", keyFile.toString(),
                "CALLCENTER_RING_TIMEOUT_SECONDS", "3600"));
        return spawn(command, env, work);
    }

    /** Inserts agents directly, all with the password hash of one agent made through the API. */
    @Override
    List<String> agents(int count) throws Exception {
        HttpResponse<String> template = post("api/users", "{\"username\":\"bench_template\",\"displayName\":\"Template\","
                + "\"password\":\"bench-password\",\"extension\":\"100\",\"role\":\"agent\"}", adminToken());
        if (template.statusCode() != 201) {
            throw new IllegalStateException("creating an agent answered " + template.statusCode() + ": " + template.body());
        }
        List<String> tokens = new ArrayList<>();
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
                    tokens.add(token(id.toString(), "agent"));
                }
                insert.executeBatch();
            }
            joinDefaultQueue(c);
            c.commit();
        }
        return tokens;
    }

    /**
     * What the API does for every new user: a member of the default queue, or no call rings it (api.md section 7).
     * Builds from before queues have no such table; their agents get every call anyway.
     */
    private static void joinDefaultQueue(Connection c) throws Exception {
        try (ResultSet r = c.createStatement().executeQuery("SELECT to_regclass('queue_members') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) {
                return;
            }
        }
        c.createStatement().executeUpdate("INSERT INTO queue_members (queue_name, user_id) SELECT 'general', u.id"
                + " FROM users u WHERE u.username LIKE 'bench\\_%' AND NOT EXISTS"
                + " (SELECT 1 FROM queue_members m WHERE m.queue_name = 'general' AND m.user_id = u.id)");
    }

    @Override
    String clientToken() throws Exception {
        JsonObject client = json(post("api/clients", "{\"name\":\"bench\"}", adminToken()).body());
        HttpResponse<String> response = REQUESTS.send(HttpRequest.newBuilder(base.resolve("api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + client.getString("clientId")
                        + "&client_secret=" + client.getString("clientSecret"))).build(), HttpResponse.BodyHandlers.ofString());
        return json(response.body()).getString("access_token");
    }

    /** A connection to the server's database, as its owner: for set-up shortcuts of the benchmarks. */
    Connection database() throws Exception {
        return DriverManager.getConnection(dbUrl, dbName, dbName);
    }

    /** The Prometheus page of the server's management interface. */
    String metrics() throws Exception {
        return REQUESTS.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + 1) + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    String adminToken() {
        HttpResponse<String> response = post("api/auth/login",
                "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}", null);
        return json(response.body()).getString("token");
    }
}
