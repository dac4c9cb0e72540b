package callcenter.it;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.JsonValue;

/**
 * An agent's dashboard as it behaves behind a balancer: registered over a {@link WsClient}, and when the socket
 * closes (its node stopped or died) it connects again through the same address and registers again, as the
 * dashboard does. Keeps every socket it had, so a test sees every frame the agent was ever shown.
 */
final class ReconnectingAgent implements AutoCloseable {

    private final URL base;
    private final Api.TestUser user;
    private final List<WsClient> sockets = new ArrayList<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final Thread watcher;
    private volatile boolean closing;
    private final List<Long> reconnectMillis = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Reconnect> reconnectParts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> drops = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What ended the watcher if anything but {@link #close} did: an agent that silently stopped reconnecting. */
    private volatile Throwable watcherEnded;

    private ReconnectingAgent(URL base, Api.TestUser user) {
        this.base = base;
        this.user = user;
        sockets.add(WsClient.agent(base, user.token()));
        watcher = new Thread(() -> {
            try {
                watch();
            } catch (Throwable e) {
                watcherEnded = e;
                throw e;
            }
        }, "agent-" + user.username());
        watcher.setDaemon(true);
        watcher.start();
    }

    static ReconnectingAgent connect(URL base, Api.TestUser user) {
        return new ReconnectingAgent(base, user);
    }

    Api.TestUser user() {
        return user;
    }

    synchronized WsClient current() {
        return sockets.get(sockets.size() - 1);
    }

    int reconnects() {
        return reconnects.get();
    }

    /** The longest reconnection, from noticing the close to the agents:list answer; -1 if none. */
    long slowestReconnectMillis() {
        return reconnectMillis.stream().mapToLong(Long::longValue).max().orElse(-1);
    }

    /** Every reconnection's time, from noticing the close to the agents:list answer. */
    List<Long> reconnectMillis() {
        return List.copyOf(reconnectMillis);
    }

    /** Where each reconnection's time went. */
    List<Reconnect> reconnectParts() {
        return List.copyOf(reconnectParts);
    }

    /**
     * One reconnection: the attempts it took (a handshake refused or closed before the list counts), the time spent
     * on the failed ones, and of the one that worked the handshake and the wait from {@code agent:register} to
     * {@code agents:list}.
     */
    record Reconnect(int attempts, long failedMillis, long handshakeMillis, long registerMillis) {
    }

    /** The close code of each socket the server closed under this agent (-1: dropped without a close frame). */
    List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /**
     * For each socket that did not end with 1012 (a drain's close): when, its code, and the client's reason when there
     * was no close frame at all (-1). 1006 is the JDK client's code for a connection that ended without one: the time
     * is what finds it in the nodes' logs.
     */
    List<String> drops() {
        return List.copyOf(drops);
    }

    /** What a failure message says of this agent: its watcher, its reconnects and closes, and its current socket. */
    String state() {
        return "watcher " + watcher.getState() + (watcherEnded == null ? "" : " (ended by " + watcherEnded + ")")
                + ", " + reconnects.get() + " reconnects, closes " + closeCodes + ", current socket: " + current().state();
    }

    /** When each frame matching {@code matching} arrived on any of the agent's sockets, oldest socket first. */
    synchronized List<String> arrivals(java.util.function.Predicate<jakarta.json.JsonObject> matching) {
        List<String> all = new ArrayList<>();
        sockets.forEach(s -> all.addAll(s.arrivals(matching)));
        return all;
    }

    /**
     * Whether the agent's current socket still reaches a node: registers again on it and waits for the answer. For a
     * failure message only (it changes the agent's presence back to what the node makes of the registration).
     */
    String probe() {
        WsClient socket = current();
        int lists = socket.events("agents:list").size();
        socket.send("agent:register", jakarta.json.Json.createObjectBuilder().build());
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (socket.events("agents:list").size() > lists) {
                return "the current socket answered a new agent:register with agents:list";
            }
            sleep(50);
        }
        return "no answer to a new agent:register within 10 s (" + socket.state() + ")";
    }

    /** Every frame of this name on any of the agent's sockets, oldest socket first. */
    synchronized List<JsonValue> events(String event) {
        List<JsonValue> all = new ArrayList<>();
        sockets.forEach(s -> all.addAll(s.events(event)));
        return all;
    }

    private void watch() {
        while (!closing) {
            if (!current().isOpen()) {
                long started = System.nanoTime();
                int code = closeCode(current());
                closeCodes.add(code);
                if (code != 1012) {
                    drops.add(java.time.LocalTime.now() + " " + user.username() + ": " + (code == -1
                            ? "no close frame, " + current().failure() : "code " + code) + ", after "
                            + reconnects.get() + " reconnects");
                }
                int attempts = 0;
                long failedMillis = 0;
                while (!closing) {
                    attempts++;
                    long attempt = System.nanoTime();
                    try {
                        WsClient again = WsClient.connect(base, user.token());
                        long handshake = System.nanoTime();
                        again.send("agent:register", jakarta.json.Json.createObjectBuilder().build());
                        again.await("agents:list", java.time.Duration.ofSeconds(15));
                        long listed = System.nanoTime();
                        synchronized (this) {
                            sockets.add(again);
                        }
                        reconnects.incrementAndGet();
                        reconnectMillis.add((listed - started) / 1_000_000);
                        reconnectParts.add(new Reconnect(attempts, failedMillis, (handshake - attempt) / 1_000_000,
                                (listed - handshake) / 1_000_000));
                        break;
                    } catch (RuntimeException | AssertionError e) {
                        // The balancer has not noticed the node is gone yet, or no node is ready: the dashboard retries.
                        failedMillis += (System.nanoTime() - attempt) / 1_000_000;
                        sleep(200);
                    }
                }
            }
            sleep(50);
        }
    }

    private static int closeCode(WsClient socket) {
        try {
            return socket.awaitClose(java.time.Duration.ofSeconds(1));
        } catch (AssertionError e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        watcher.join(5_000);
        current().close();
    }
}
