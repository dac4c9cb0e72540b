package callcenter.it;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A test WebSocket client on the JDK's {@link WebSocket}: collects every frame the server sends and waits for
 * events with a timeout.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonObject> frames = new ArrayList<>();
    /** When each of {@link #frames} arrived (wall clock), for a failure's account of what came when. */
    private final List<java.time.LocalTime> arrivals = new ArrayList<>();
    private final java.time.LocalTime opened = java.time.LocalTime.now();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** Why the connection ended without a close frame ({@link #onError}); null otherwise. */
    private volatile Throwable failure;
    private WebSocket socket;

    private final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();

    private WsClient() {
    }

    /** Opens {@code /ws?access_token=...}; a refused handshake shows as {@link #awaitClose} or an exception. */
    public static WsClient connect(URL base, String token) {
        String http = Api.at(base).base().toString();
        String url = http.replaceFirst("^http", "ws") + "ws" + (token == null ? ""
                : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        WsClient client = new WsClient();
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), client).orTimeout(15, TimeUnit.SECONDS).join();
        return client;
    }

    /**
     * Connects and registers as an agent, and returns once the registration is done: its {@code calls:waiting} snapshot
     * came after {@code agents:list}. Until then the registration still reads the waiting calls and the socket's next
     * events wait behind it: a test that locked the calls table right after {@code agents:list} once held that read,
     * and the event it sent next, until its lock was gone.
     */
    public static WsClient agent(URL base, String token) {
        WsClient client = connect(base, token);
        client.send("agent:register", Json.createObjectBuilder().build());
        client.await("agents:list", d -> true, Duration.ofSeconds(15));
        client.await("calls:waiting", d -> true, Duration.ofSeconds(15));
        return client;
    }

    public void send(String event, JsonObject data) {
        sendRaw(Json.createObjectBuilder().add("event", event).add("data", data).build().toString());
    }

    public synchronized void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** The data of the first (already received or coming) event with this name that matches. */
    public JsonValue await(String event, Predicate<JsonValue> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (frames) {
            int seen = 0;
            while (true) {
                for (; seen < frames.size(); seen++) {
                    JsonObject frame = frames.get(seen);
                    if (event.equals(frame.getString("event", null)) && matching.test(frame.get("data"))) {
                        return frame.get("data");
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no " + event + " within " + timeout + "; got " + frames);
                }
                if (closed.isDone()) {
                    // Nothing comes after a close: say so now (a node that is draining closes a new socket at once).
                    throw new AssertionError("no " + event + " before the socket closed (" + closed.join() + "); got " + frames);
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    public JsonValue await(String event, Duration timeout) {
        return await(event, d -> true, timeout);
    }

    /** An event about one call ({@code data.callId} or {@code data.id}). */
    public JsonObject awaitCall(String event, String callId, Duration timeout) {
        return (JsonObject) await(event, d -> d instanceof JsonObject o
                && (callId.equals(o.getString("callId", null)) || callId.equals(o.getString("id", null))), timeout);
    }

    /**
     * The presence of one agent reaching {@code status}, in either form api.md allows: {@code agent:updated}, or an
     * element of a coalesced {@code agents:updated}.
     */
    public JsonObject awaitAgent(String agentId, String status, Duration timeout) {
        return awaitAgent(agentId, a -> status.equals(a.getString("status", null)), status, timeout);
    }

    /** The presence of one agent matching {@code matching}, in either form api.md allows; {@code what} names it. */
    public JsonObject awaitAgent(String agentId, Predicate<JsonObject> matching, String what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            synchronized (frames) {
                for (JsonObject frame : frames) {
                    String event = frame.getString("event", null);
                    List<JsonValue> states = "agent:updated".equals(event) ? List.of(frame.get("data"))
                            : "agents:updated".equals(event) ? frame.getJsonArray("data") : List.of();
                    for (JsonValue state : states) {
                        JsonObject agent = state.asJsonObject();
                        if (agentId.equals(agent.getString("agentId", null)) && matching.test(agent)) {
                            return agent;
                        }
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("agent " + agentId + " never " + what + " within " + timeout + "; got "
                            + frames);
                }
                try {
                    frames.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every event of this name received so far. */
    public List<JsonValue> events(String event) {
        synchronized (frames) {
            return frames.stream().filter(f -> event.equals(f.getString("event", null))).map(f -> f.get("data")).toList();
        }
    }

    /** The names of the frames about one call (data with that {@code callId}, or a call object with that id), in order. */
    public List<String> eventsOfCall(String callId) {
        synchronized (frames) {
            return frames.stream().filter(f -> f.get("data") instanceof JsonObject d
                            && (callId.equals(d.getString("callId", null)) || callId.equals(d.getString("id", null))))
                    .map(f -> f.getString("event", "?")).toList();
        }
    }

    public List<String> eventNames() {
        synchronized (frames) {
            return frames.stream().map(f -> f.getString("event", "?")).toList();
        }
    }

    /** The close code the server sent, or fails after the timeout. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + timeout + "; frames " + frames, e);
        }
    }

    /** Why the connection ended without a close frame, as the client saw it; null when it did not. */
    public Throwable failure() {
        return failure;
    }

    /**
     * When each frame matching {@code matching} arrived, and its event: what a failed test prints to find the frame
     * in the nodes' logs.
     */
    public List<String> arrivals(Predicate<JsonObject> matching) {
        synchronized (frames) {
            List<String> found = new ArrayList<>();
            for (int i = 0; i < frames.size(); i++) {
                if (matching.test(frames.get(i))) {
                    found.add(arrivals.get(i) + " " + frames.get(i).getString("event", "?"));
                }
            }
            return found;
        }
    }

    /** What the client knows of this socket, for a failure message: open or closed and why, the frames it had. */
    public String state() {
        synchronized (frames) {
            return "opened " + opened + ", " + (closed.isDone() ? "closed " + closed.join() : "open")
                    + (failure == null ? "" : " (" + failure + ")") + ", input " + (socket.isInputClosed() ? "closed"
                    : "open") + ", output " + (socket.isOutputClosed() ? "closed" : "open") + ", " + frames.size()
                    + " frames" + (frames.isEmpty() ? "" : ", the last " + frames.get(frames.size() - 1).getString("event",
                    "?") + " at " + arrivals.get(arrivals.size() - 1)) + ", " + pings.get() + " pings";
        }
    }

    public boolean isOpen() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    /** Drops the connection without a close handshake, like a browser tab that vanished. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).join();
            } catch (RuntimeException e) {
                socket.abort();
            }
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonObject frame;
            try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                frame = reader.readObject();
            }
            partial.setLength(0);
            synchronized (frames) {
                frames.add(frame);
                arrivals.add(java.time.LocalTime.now());
                frames.notifyAll();
            }
        }
        webSocket.request(1);
        return null;
    }

    /** The JDK answers every ping with a pong by itself, as browsers do. */
    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    /** Pings received from the server so far. */
    public int pings() {
        return pings.get();
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        wakeAwaiting();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failure = error;
        closed.complete(-1);
        wakeAwaiting();
    }

    private void wakeAwaiting() {
        synchronized (frames) {
            frames.notifyAll();
        }
    }
}
