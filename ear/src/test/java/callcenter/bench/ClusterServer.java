package callcenter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The product as a cluster on this host, started the way docs/clustering.md tells operators to: the repository's
 * {@code config/cluster/broker.sh} (Artemis), N bootable jars on one fresh database with one signing key, and
 * {@code config/cluster/haproxy.sh} in front. The benchmark's agents and requests go through the balancer, so the
 * agents split across the nodes and every call is published by one node and delivered by all. CPU and RSS are
 * those of every process the cluster needs (nodes, broker, balancer), summed.
 *
 * <p>Ports: the balancer on the target's port, node i on port + 10 i (its management interface one above), the
 * broker on port + 90.
 */
final class ClusterServer extends Target {

    private static final String BROKER_USER = "bench";
    private static final String BROKER_PASSWORD = "bench-broker-secret";

    final String jar;
    final String options;
    final String dbHost;
    final String dbAdmin;
    private final Path scripts;
    private final List<ProductServer> nodes = new ArrayList<>();
    private Process broker;

    ClusterServer(String name, int count, int port, String jar, String options, String dbHost, String dbAdmin, Path scripts)
            throws Exception {
        super(name, Wire.PRODUCT, port);
        this.jar = jar;
        this.options = options.trim();
        this.dbHost = dbHost;
        this.dbAdmin = dbAdmin;
        this.scripts = scripts.toAbsolutePath();
        for (int i = 1; i <= count; i++) {
            nodes.add(new ProductServer(name + "-node" + i, port + 10 * i, this, Map.of(
                    "CALLCENTER_NODE_ID", "node" + i,
                    "CALLCENTER_BROKER_URL", "tcp://127.0.0.1:" + (port + 90),
                    "CALLCENTER_BROKER_USER", BROKER_USER,
                    "CALLCENTER_BROKER_PASSWORD", BROKER_PASSWORD), i == 1));
        }
    }

    /** Broker, then the first node alone (it runs the migrations), the others, then the balancer. */
    @Override
    Process launch() throws Exception {
        startBroker();
        for (ProductServer node : nodes) {
            double seconds = node.start();
            System.out.printf("  %s ready in %.1f s%n", node.name, seconds);
        }
        StringBuilder servers = new StringBuilder();
        for (ProductServer node : nodes) {
            servers.append("127.0.0.1:").append(node.port).append(' ');
        }
        ProcessBuilder balancer = new ProcessBuilder("bash", script("haproxy.sh"), work.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
        balancer.environment().put("NODES", servers.toString().trim());
        balancer.environment().put("LB_PORT", Integer.toString(port));
        return balancer.start();
    }

    private void startBroker() throws Exception {
        Path log = work.resolve("broker.log");
        ProcessBuilder builder = new ProcessBuilder("bash", script("broker.sh"), work.resolve("broker").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("CALLCENTER_"));
        builder.environment().put("BROKER_PORT", Integer.toString(port + 90));
        builder.environment().put("CALLCENTER_BROKER_USER", BROKER_USER);
        builder.environment().put("CALLCENTER_BROKER_PASSWORD", BROKER_PASSWORD);
        broker = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        // AMQ221007: the broker's "Server is now active".
        while (!Files.readString(log).contains("AMQ221007")) {
            if (!broker.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not start; see " + log);
            }
            Thread.sleep(200);
        }
    }

    /** The balancer first (no new connections), then the nodes, the broker last (the nodes publish until they stop). */
    @Override
    List<Process> processes() {
        List<Process> all = new ArrayList<>();
        if (process != null) {
            all.add(process);
        }
        for (ProductServer node : nodes) {
            all.addAll(node.processes());
        }
        if (broker != null) {
            all.add(broker);
        }
        return all;
    }

    /** Agents are rows of the one database, their tokens signed with the cluster's one key. */
    @Override
    List<String> agents(int count) throws Exception {
        return nodes.get(0).agents(count);
    }

    @Override
    String clientToken() throws Exception {
        return nodes.get(0).clientToken();
    }

    private String script(String file) throws IOException {
        Path path = scripts.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IOException("missing " + path + " (bench.clusterScripts)");
        }
        return path.toString();
    }
}
