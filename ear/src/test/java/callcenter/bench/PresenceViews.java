package callcenter.bench;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

/**
 * The presence list as a sample of the agents sees it (about one in {@code every}): {@code agents:list}, then each
 * {@code agents:updated} (the coalesced form) or {@code agent:updated} applied in the order the socket got them,
 * as a dashboard does. Answers whether every sampled agent sees every registered agent available: the check of
 * issue 14's registration figure ("every registered agent's presence list is right afterwards"). A sample, because
 * 10,000 full views would be 100 million entries in the benchmark's heap.
 */
final class PresenceViews {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private static final Set<String> PRESENCE = Set.of("agents:list", "agents:updated", "agent:updated");

    private final Wire wire;
    private final int every;
    private final Map<Agents.Agent, Map<String, String>> views = new ConcurrentHashMap<>();

    PresenceViews(Wire wire, int every) {
        this.wire = wire;
        this.every = every;
    }

    /** Whether the agent's presence frames are read: the others' are left unread ({@link Agents.Unread}). */
    boolean follows(Agents.Agent agent) {
        return Math.floorMod(System.identityHashCode(agent), every) == 0;
    }

    /** Presence frames that nobody reads: the events below, to an agent that is not sampled. */
    boolean unread(Agents.Agent agent, String event) {
        return PRESENCE.contains(event) && !follows(agent);
    }

    /** Every frame of every agent goes through here; only the sampled agents' presence frames are read. */
    void frame(Agents.Agent agent, String event, String frame) {
        boolean list = "agents:list".equals(event);
        if (!PRESENCE.contains(event) || !follows(agent)) {
            return;
        }
        JsonValue data;
        try (var reader = READERS.createReader(new StringReader(wire.data(frame)))) {
            data = reader.readValue();
        }
        // One socket's frames arrive on one event-loop thread, in order: the view needs no more than its own lock.
        Map<String, String> view = views.computeIfAbsent(agent, a -> new HashMap<>());
        synchronized (view) {
            if (list) {
                view.clear();
            }
            if (data.getValueType() == JsonValue.ValueType.ARRAY) {
                data.asJsonArray().forEach(entry -> apply(view, entry.asJsonObject()));
            } else if (data.getValueType() == JsonValue.ValueType.OBJECT) {
                apply(view, data.asJsonObject());
            }
        }
    }

    private static void apply(Map<String, String> view, JsonObject agent) {
        view.put(agent.getString("agentId", ""), agent.getString("status", ""));
    }

    /** Sampled agents so far. */
    int sampled() {
        return views.size();
    }

    /** Sampled agents whose view does not show exactly {@code available} agents as available. */
    int wrong(int available) {
        int wrong = 0;
        for (Map<String, String> view : views.values()) {
            synchronized (view) {
                if (view.values().stream().filter("available"::equals).count() != available) {
                    wrong++;
                }
            }
        }
        return wrong;
    }
}
